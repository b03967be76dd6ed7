#!/usr/bin/env bash
# Installs the bot as systemd services on a Debian or Ubuntu server, from this source tree:
#   sudo deploy/install-systemd.sh
# Creates the system user umkm-bot, the application in /opt/umkm-bot (deploy/install-app.sh,
# the same steps as the container image), the settings file /etc/umkm-bot/umkm-bot.env (from
# .env.example, only the first time), the database and media folders under /var/lib/umkm-bot,
# and a `umkm-bot` command that runs as that user with those settings. Enables the units of
# deploy/systemd; starts nothing but the backup timer, since the settings come first.
# Running it again upgrades the application and the units and keeps the settings.
set -euo pipefail

source_dir=$(cd "$(dirname "$0")/.." && pwd)
prefix=/opt/umkm-bot
config=/etc/umkm-bot/umkm-bot.env
state=/var/lib/umkm-bot
cache=/var/cache/umkm-bot
user=umkm-bot

if [[ $(id -u) -ne 0 ]]; then
    echo "run as root: sudo $0" >&2
    exit 1
fi

echo "== the system user $user"
if ! id -u "$user" >/dev/null 2>&1; then
    useradd --system --user-group --home-dir "$state" --no-create-home \
        --shell /usr/sbin/nologin "$user"
fi

echo "== the application in $prefix"
"$source_dir/deploy/install-app.sh" "$prefix" "$source_dir"

echo "== folders: $state/database, $state/media, /var/backups/umkm-bot"
install -d -o root -g "$user" -m 0755 "$state"
install -d -o "$user" -g "$user" -m 0750 "$state/database" "$state/media" /var/backups/umkm-bot
# Matplotlib's cache (the charts of the reports): the service's CacheDirectory, and the
# `umkm-bot` command's, whose user has no writable home.
install -d -o "$user" -g "$user" -m 0750 "$cache"

echo "== settings: $config"
install -d -o root -g "$user" -m 0750 "$(dirname "$config")"
if [[ ! -e $config ]]; then
    sed -e "s|^DATABASE_URL=.*|DATABASE_URL=sqlite+aiosqlite:///$state/database/umkm-bot.sqlite3|" \
        -e "s|^MEDIA_DIR=.*|MEDIA_DIR=$state/media|" \
        -e "s|^BACKUP_DIR=.*|BACKUP_DIR=/var/backups/umkm-bot|" \
        "$source_dir/.env.example" >"$config"
    chown root:"$user" "$config"
    chmod 0640 "$config"
fi
# Commands run by hand read the same settings: `umkm-bot` reads .env in its working folder.
ln -sfn "$config" "$state/.env"
cat >/usr/local/bin/umkm-bot <<SCRIPT
#!/bin/sh
# umkm-bot as the service runs it: its user, its folder, its settings ($config), and files
# (exports, the database) readable by that user's group only.
umask 027
cd $state && exec runuser -u $user -- env MPLCONFIGDIR=$cache $prefix/bin/umkm-bot "\$@"
SCRIPT
chmod 0755 /usr/local/bin/umkm-bot

echo "== systemd units"
units=()
for unit in "$source_dir"/deploy/systemd/*.service "$source_dir"/deploy/systemd/*.timer; do
    [[ -e $unit ]] || continue
    install -m 0644 "$unit" /etc/systemd/system/
    units+=("$(basename "$unit")")
done
# Without a running systemd (a server image being prepared, a chroot) the units are enabled all
# the same, for the next boot; only reloading and starting need the running manager.
booted=false
if [[ -d /run/systemd/system ]]; then
    booted=true
    systemctl daemon-reload
fi
systemctl enable umkm-bot-migrate.service umkm-bot.service
if [[ " ${units[*]} " == *" umkm-bot-backup.timer "* ]]; then
    systemctl enable umkm-bot-backup.timer
    if $booted; then
        systemctl start umkm-bot-backup.timer
    fi
fi

cat <<NEXT

Installed. Next:
  1. fill in $config (tokens, keys, DATABASE_URL, BOT_DOMAIN; README: Deploying for a bureau)
  2. umkm-bot check
  3. systemctl start umkm-bot        (runs umkm-bot-migrate first)
NEXT
