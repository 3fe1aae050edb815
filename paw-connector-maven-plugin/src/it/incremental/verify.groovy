import java.text.SimpleDateFormat

// build.log holds the three builds one after another; each starts with "Scanning for projects...", and every
// line starts with its time.
def stamp = new SimpleDateFormat('yyyyMMddHHmmssSSSZ')
def builds = []
new File(basedir, 'build.log').eachLine { line ->
    if (line.contains('[INFO] Scanning for projects...')) {
        builds << [started: stamp.parse(line.substring(0, line.indexOf(' '))).time, lines: []]
    }
    if (builds) {
        builds[-1].lines << line.replaceFirst(/^\d{17}[+-]\d{4} /, '')
    }
}
assert builds.size() == 3 : "expected three builds in build.log, found ${builds.size()}"

def sources = new File(basedir, 'target/generated-sources/paw/paw/generated')
def service = new File(basedir, 'target/generated-resources/paw/META-INF/services/dev.paw.runtime.CompiledConnector')
def state = new File(basedir, 'target/paw').listFiles().find { it.name ==~ /generate-\p{XDigit}{12}\.state/ }
assert state != null : 'no state file in target/paw'
def outputs = [service, state]
sources.eachFileRecurse(groovy.io.FileType.FILES) { outputs << it }
def name = { File file -> file.path.substring(basedir.path.length() + 1) }
def modifiedIn = { int build ->
    long from = builds[build].started
    long to = build + 1 < builds.size() ? builds[build + 1].started : Long.MAX_VALUE
    outputs.findAll { it.lastModified() >= from && it.lastModified() < to }.collect(name).sort()
}

// 1: generated both connectors
assert builds[0].lines.any { it.startsWith('[INFO] Generated connector sources: 2 connector files (2 regenerated), ') }

// 2: tides.yaml is gone, and so are its sources and its registration; weather's sources were left alone
assert !new File(basedir, 'connectors/tides.yaml').exists()
assert builds[1].lines.any { it.startsWith('[INFO] Generated connector sources: 1 connector file (0 regenerated), 1 written, 0 unchanged, ') }
assert !new File(sources, 'tides').exists()
assert new File(sources, 'weather/WeatherClient.java').isFile()
assert service.readLines().contains('paw.generated.weather.WeatherConnector')
assert !service.text.contains('tides')
assert modifiedIn(1) == ['target/generated-resources/paw/META-INF/services/dev.paw.runtime.CompiledConnector',
                         name(state)]

// 3: up to date, and not one file written
assert builds[2].lines.contains('[INFO] Generated connector sources are up to date (1 connector file unchanged); nothing to generate')
assert modifiedIn(2) == []
assert outputs.size() > 5
return true
