# The bot's container image: `umkm-bot serve` (or any other command of `umkm-bot`) as a user
# without privileges, its database and media under the volume /var/lib/umkm-bot.
# Build: `docker build -t umkm-bot .` (or `podman build`); README, "With Docker or Podman".
# BASE_IMAGE may name another image with Python 3.11 and its venv module; both stages use it,
# so the environment finds its interpreter where it was built.
ARG BASE_IMAGE=python:3.11-slim

FROM ${BASE_IMAGE} AS builder
# The pinned dependencies first, as a layer that only a change of constraints.txt rebuilds.
COPY deploy/constraints.txt deploy/install-app.sh /src/deploy/
RUN sh /src/deploy/install-app.sh --dependencies-only /opt/umkm-bot /src
COPY . /src
RUN sh /src/deploy/install-app.sh /opt/umkm-bot /src

FROM ${BASE_IMAGE}
RUN useradd --system --user-group --uid 999 --home-dir /var/lib/umkm-bot --no-create-home \
        umkm-bot \
    && mkdir -p /var/lib/umkm-bot/database /var/lib/umkm-bot/media \
    && chown -R umkm-bot:umkm-bot /var/lib/umkm-bot
COPY --from=builder /opt/umkm-bot /opt/umkm-bot
ENV PATH=/opt/umkm-bot/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    DATABASE_URL=sqlite+aiosqlite:////var/lib/umkm-bot/database/umkm-bot.sqlite3 \
    MEDIA_DIR=/var/lib/umkm-bot/media \
    WEB_HOST=0.0.0.0 \
    WEB_PORT=8080
WORKDIR /var/lib/umkm-bot
VOLUME /var/lib/umkm-bot
USER umkm-bot
EXPOSE 8080
# Healthy means ready: the web server answers and the database is reachable, on the code's
# schema (/readyz).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/readyz' % os.environ.get('WEB_PORT', '8080'), timeout=4)"]
ENTRYPOINT ["umkm-bot"]
CMD ["serve"]
