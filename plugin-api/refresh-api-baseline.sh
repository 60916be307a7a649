#!/usr/bin/env bash
# Makes a released plugin API the baseline that japicmp compares every later build with.
#
#   plugin-api/refresh-api-baseline.sh              # the API as committed at HEAD, named by its own version
#   plugin-api/refresh-api-baseline.sh <git-ref>    # the API as committed at a tag or commit
#   plugin-api/refresh-api-baseline.sh <ref> <ver>  # for a revision older than the filtered version resource
#
# Run it once per release, on the release commit, and commit what it changes (the jar under api-baseline/ and
# <vitals.api.baseline> in plugin-api/pom.xml). It builds from the committed tree, never the work tree, so
# uncommitted edits cannot slip into the baseline.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(git -C "$here" rev-parse --show-toplevel)"
ref="${1:-HEAD}"
version="${2:-}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git -C "$root" archive "$(git -C "$root" rev-parse --verify "$ref^{commit}")" | tar -x -C "$work"
mvn -B -q -f "$work/pom.xml" package -pl plugin-api -DskipTests -Djapicmp.skip

jar="$(ls "$work"/plugin-api/target/vitals-plugin-api-*.jar | grep -v -e '-sources' -e '-javadoc' | head -n 1)"
if [[ -z "$version" ]]; then
  version="$(unzip -p "$jar" dev/vitals/api/plugin-api.properties 2>/dev/null | sed -n 's/^version=//p' || true)"
fi
if [[ ! "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "A baseline is a released version like 2.0.0; got '$version' from $ref (pass it as the second argument)" >&2
  exit 1
fi

rm -f "$here"/api-baseline/vitals-plugin-api-*.jar
mkdir -p "$here/api-baseline"
cp "$jar" "$here/api-baseline/vitals-plugin-api-$version.jar"
sed -i "s|<vitals.api.baseline>[^<]*</vitals.api.baseline>|<vitals.api.baseline>$version</vitals.api.baseline>|" \
  "$here/pom.xml"
echo "Baseline is now plugin API $version (built from $ref). Commit plugin-api/api-baseline and plugin-api/pom.xml."
