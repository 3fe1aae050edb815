// build.log holds the three builds one after another; each starts with "Scanning for projects...".
def builds = []
new File(basedir, 'build.log').eachLine { line ->
    if (line.contains('[INFO] Scanning for projects...')) {
        builds << []
    }
    if (builds) {
        builds[-1] << line
    }
}
assert builds.size() == 3 : "expected three builds in build.log, found ${builds.size()}"

def warning = "connectors/outages.yaml:12:18: warning: action 'report_outage' is a POST left at trust level 'auto': it changes data without asking (set trust_level: confirm)"

// 1: the warning is printed, the build passes, nothing is generated
assert builds[0].contains('[WARNING] ' + warning)
assert builds[0].contains('[INFO] 1 connector file valid (1 warning)')
assert builds[0].contains('[INFO] BUILD SUCCESS')

// 2: the same warning fails the build, and the failure lists it
assert builds[1].contains('[WARNING] ' + warning)
def summary = builds[1].findIndexOf { it.endsWith('1 warning in connector files, and paw.failOnWarning is set:') }
assert summary >= 0 : 'no failure summary'
assert builds[1][summary + 1] == '[ERROR] ' + warning || builds[1][summary + 1] == warning
assert builds[1].contains('[INFO] BUILD FAILURE')

// 3: paw:help lists both goals
def help = builds[2].join('\n')
assert help.contains('paw:generate')
assert help.contains('paw:validate')

assert !new File(basedir, 'target/generated-sources').exists()
return true
