#!/usr/bin/env bash
# Measures helhed publish on the 1,000-article benchmark site against a local sshd (as root, like CI; needs
# `swift build -c release` first and rsync, openssh-client, openssh-server). Everything lives in the folder given (default
# /tmp/helhed-publish-bench); the sshd it starts is stopped at the end. Prints the bytes sent per publish.
set -euo pipefail
W="$(cd "$(dirname "$0")/.." && pwd)"; B=${1:-/tmp/helhed-publish-bench}; H=$W/.build/release/helhed
rm -rf $B; mkdir -p $B/host /run/sshd
$W/.build/release/helhed-bench corpus --articles 1000 --output $B/corpus
ssh-keygen -q -t ed25519 -N '' -f $B/host_key; ssh-keygen -q -t ed25519 -N '' -f $B/client_key; cp $B/client_key.pub $B/authorized_keys
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
/usr/sbin/sshd -D -f /dev/null -p $PORT -h $B/host_key -E $B/sshd.log -o ListenAddress=127.0.0.1 -o AuthorizedKeysFile=$B/authorized_keys -o PidFile=$B/sshd.pid -o StrictModes=no -o PasswordAuthentication=no -o UsePAM=no &
SSHD=$!; trap 'kill $SSHD' EXIT; sleep 1
C=$B/corpus/helhed/Content
P="--content $C --templates $W/Templates --output $B/Public --target root@127.0.0.1:$B/host/site --port $PORT --identity $B/client_key --known-hosts $B/known_hosts --verbose"
echo "== first publish (builds, uploads everything)"; /usr/bin/time -f "%e s wall" $H publish $P
du -sb $B/Public | cut -f1 | sed 's/^/site bytes (du -sb): /'; find $B/Public -type f | wc -l | sed 's/^/site files: /'
stat -c '%Y %n' $B/Public/index.html
echo "== publish again, nothing changed (rebuild rewrites every file)"; sleep 1.1; /usr/bin/time -f "%e s wall" $H publish $P
stat -c '%Y %n' $B/Public/index.html
A=$(ls $C/artikler/*.md | sed -n 500p); echo "== edit body of $A"; printf '\nEt nyt afsnit i brødteksten, skrevet til målingen.\n' >> "$A"
/usr/bin/time -f "%e s wall" $H publish $P
echo "== dry run after another edit"; printf '\nEndnu et afsnit.\n' >> "$A"; $H publish $P --dry-run
diff -rq $B/Public $B/host/site || true   # the dry run rebuilt the edited article locally only: these differ
