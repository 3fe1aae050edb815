// Every diagnostic of every file is printed in the compiler form, errors as [ERROR], warnings as [WARNING];
// the failure message lists the errors again; nothing is generated.
def log = new File(basedir, 'build.log').text.readLines()

def errors = [
    "connectors/bad.yaml:9:10: placeholder '{ACCOUNT}' in the url of action 'list_things' matches no credential or parameter",
    "connectors/bad.yaml:10:5: unknown key 'trust_levle' in action 'list_things' (did you mean 'trust_level'?)",
    "connectors/stripe.yaml:2:1: connector name 'stripe' is already declared by connectors/payments.yaml; every connector needs a name of its own (the file name does not count)",
]
def warning = "connectors/bad.yaml:4:3: warning: api_key auth does not say where the key goes; sending it as 'Authorization: Bearer <key>' (set auth.in, auth.name and auth.prefix to change that)"

errors.each { assert log.contains("[ERROR] " + it) : "no [ERROR] line: $it" }
assert log.contains("[WARNING] " + warning)

// the MojoFailureException: a summary, then each error on its own line
def summary = log.findIndexOf { it.contains('paw-connector-maven-plugin') && it.contains(':generate') && it.endsWith('3 errors in connector files:') }
assert summary >= 0 : 'no failure summary'
assert log.subList(summary + 1, summary + 4).collect { it.replaceFirst(/^\[ERROR\] /, '') } == errors

assert !new File(basedir, 'target/generated-sources/paw').exists()
assert !new File(basedir, 'target/paw').exists()
return true
