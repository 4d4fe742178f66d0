#!/usr/bin/env bash
# Unpacks Debian trixie's docker-compose 2.26.1 (the reference ComposeConfigOracleIT compares `berth compose config`
# with) into /var/tmp/compose-oracle, without installing it or touching the system's apt sources: a private apt
# configuration lists only trixie's Packages index, `apt-get download` fetches the one .deb, its SHA-256 is checked
# and `dpkg-deb -x` unpacks it. It needs only libc6 >= 2.34, which bookworm has. Idempotent; when the archive cannot
# be reached it says so and exits 0 (the IT then skips itself).
set -uo pipefail
target=/var/tmp/compose-oracle
binary=$target/usr/bin/docker-compose
version=2.26.1-4
sha256=47681197cb2b1ab88206b42a1a92fc75f50d9530a6322d03494a473eed0408ea
if "$binary" version 2>/dev/null | grep -q "$version"; then
  exit 0
fi
work=/var/tmp/compose-apt
mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
cat > "$work/trixie.sources" <<'SOURCES'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
apt=(-o Dir::Etc::sourcelist="$work/trixie.sources" -o Dir::Etc::sourceparts=- -o Dir::State::Lists="$work/lists"
     -o Dir::Cache="$work/cache" -o Dir::State::status=/dev/null -o APT::Sandbox::User=root)
if ! timeout 300 apt-get "${apt[@]}" -qq update >/dev/null 2>&1 \
    || ! (cd "$work" && timeout 300 apt-get "${apt[@]}" -qq download "docker-compose=$version" >/dev/null 2>&1); then
  echo "ci: Docker Compose $version not reachable: ComposeConfigOracleIT will skip"
  exit 0
fi
deb=$work/docker-compose_${version}_amd64.deb
if ! echo "$sha256  $deb" | sha256sum -c --quiet -; then
  echo "ci: $deb has an unexpected SHA-256: not unpacked" >&2
  exit 0
fi
rm -rf "$target"
dpkg-deb -x "$deb" "$target"
"$binary" version
