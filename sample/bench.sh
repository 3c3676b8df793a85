#!/bin/sh
# Codec benchmark (see BENCHMARK.md): ./sample/bench.sh [slices] [large file MB] [work dir]
# Compiles the tests offline, builds the test classpath and runs CodecBenchmark in a plain JVM
# (so the child JVM it starts can be limited to -Xmx64m). Needs no mvn install.
set -eu
cd "$(dirname "$0")/.."
mvn -B -o -q -pl sample -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
CP="sample/target/classes:sample/target/test-classes:$(cat sample/target/test.classpath)"
exec java -Xmx512m -cp "$CP" org.dicomdeid.sample.bench.CodecBenchmark "$@"
