#!/bin/bash
# run_packages.sh DIR MODE: runs scripts/packages.sh MODE with a PATH that
# holds only fakes of apt-get, dpkg-query, id and (when FAKE_SUDO=1) sudo, which
# record what they are asked to do, and env; then prints its exit status, its
# output and the fakes' log. So a real sudo or apt-get can never run.
#   FAKE_UID         what `id -u` says
#   FAKE_INSTALLED   the packages installed to begin with
#   FAKE_COMMANDS    other commands on the PATH to begin with (node, npm)
#   FAKE_NODESOURCE  set: installing nodejs provides npm too
dir=$1 mode=$2
unset FAKE_VIA_SUDO
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$dir" && mkdir -p "$dir/bin"
cp "$here/fakebin/apt-get" "$here/fakebin/dpkg-query" "$here/fakebin/id" "$dir/bin/"
if [ "${FAKE_SUDO:-0}" = 1 ]; then cp "$here/fakebin/sudo" "$dir/bin/"; fi
ln -s "$(command -v env)" "$dir/bin/env"
for c in ${FAKE_COMMANDS:-}; do printf '#!/bin/bash\n' > "$dir/bin/$c"; chmod +x "$dir/bin/$c"; done
printf '%s\n' ${FAKE_INSTALLED:-} > "$dir/installed"
: > "$dir/log"
FAKE_DIR=$dir PATH=$dir/bin /bin/bash "$here/../../../scripts/packages.sh" "$mode" > "$dir/out" 2>&1
echo "exit $?"
cat "$dir/out" "$dir/log"
