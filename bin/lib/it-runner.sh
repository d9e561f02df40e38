# Sourced by bin/slt and bin/engine-tests: builds the server jar and the integration-tests runner, and writes the
# runner's class path to the file given. Package and class path are one reactor run, so the class path names this
# checkout's module jars (target/), never possibly stale or missing copies in ~/.m2 (a fresh machine has none).
# SCION_SLT_NOBUILD=1 skips the build while a class path from an earlier build is there.
build_it_runner() {
  local cp_file="$1"
  if [ "${SCION_SLT_NOBUILD:-0}" != 1 ] || [ ! -s "$cp_file" ] || [ integration-tests/pom.xml -nt "$cp_file" ]; then
    mvn -B -q -o -pl integration-tests -am package -DskipTests dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$PWD/$cp_file" >&2
  fi
}
