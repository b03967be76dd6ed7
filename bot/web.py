"""One ASGI application for every webhook: WhatsApp Cloud API, Telegram, and the health checks
(``/healthz``: the process answers; ``/readyz``: it can store updates, ``bot/readiness.py``).

A webhook is answered 200 once its update is durable: the engine committed it (in the chat's
lane, beside other chats' updates). Sending the replies comes after, so Meta and Telegram wait
a few milliseconds, never on a network round trip. A crash before the commit leaves the webhook
unanswered, and the update is delivered again; a redelivery of one already committed is applied
once (the engine claims update ids in the database). A graceful shutdown finishes every update
already accepted, replies included.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import hmac
import json
import logging
import signal
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from telegram.ext import Application
from telegram.request import BaseRequest

from bot.acks import UpdateNotDurable
from bot.metrics_server import metrics_served
from bot.outbox_watch import watching
from bot.readiness import Readiness
from bot.redaction import configure_logging
from bot.settings import Settings
from bot.telegram.app import TelegramChannel, build_application, running
from bot.telegram.updates import NotAnUpdate, downloads_through, read_update, update_id_of
from bot.whatsapp.channel import WhatsAppChannel
from bot.whatsapp.client import WEBHOOK_PATH, whatsapp_client, whatsapp_config
from bot.whatsapp.delivery import WhatsAppDelivery
from bot.whatsapp.measured import MeasuredSends
from bot.whatsapp.sending import whatsapp_sender
from bot.whatsapp.statuses import DeliveryStatuses
from bot.whatsapp.updates import CHANNEL
from bot.whatsapp.webhook import busy, read_body
from bot.whatsapp.webhook import routes as whatsapp_routes
from bot.wiring import Services, build_services, freeze_start_up_objects, telegram_channel

log = logging.getLogger(__name__)

TELEGRAM_WEBHOOK_PATH = "/telegram/webhook"
TELEGRAM_SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
GRAPH_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
OUTBOX_SWEEP_SECONDS = 30


def build_web_app(
    settings: Settings,
    services: Services,
    *,
    graph_session: httpx.AsyncClient | None = None,
    telegram_request: BaseRequest | None = None,
) -> Starlette:
    """The web application; it owns ``services`` and closes them at shutdown. Tests pass a
    Graph API session and a Telegram request object that never touch the network."""
    config = whatsapp_config(settings)
    session = graph_session or httpx.AsyncClient(timeout=GRAPH_TIMEOUT, transport=MeasuredSends())
    secret = telegram_secret(settings)
    telegram = telegram_application(settings, services, telegram_request) if secret else None
    resends: list[Callable[[], Awaitable[None]]] = []
    ready = Readiness(settings.database_url)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        async with AsyncExitStack() as stack:
            stack.push_async_callback(services.close)
            stack.push_async_callback(ready.close)
            stack.push_async_callback(session.aclose)
            if telegram is not None:
                await stack.enter_async_context(running(telegram[0]))
            await stack.enter_async_context(sweeping(services, resends))
            if settings.outbox_watch:
                await stack.enter_async_context(watching(services))
            stack.push_async_callback(services.lanes.drain)  # first of all: finish the updates
            yield

    checks = [Route("/healthz", healthz), Route("/readyz", ready.readyz)]
    app = Starlette(routes=checks, lifespan=lifespan)
    app.state.resends = resends  # what each sweep sends again, in order
    if config is not None:
        wa = whatsapp_client(config, session)
        sender = whatsapp_sender(wa, services, settings)
        whatsapp = WhatsAppChannel(
            wa,
            services.engine,
            services.locales,
            services.outbox,
            settings.default_language,
            services.lanes,
            sender,
            settings.max_photo_mb * 1_000_000,
            order_arrivals=settings.shares_database,
        )
        whatsapp.register()
        verify, receive = whatsapp_routes(wa, services.lanes)
        app.add_route(WEBHOOK_PATH, verify, ["GET"])
        app.add_route(WEBHOOK_PATH, receive, ["POST"])
        resends.append(whatsapp.resend_pending)
        if settings.shares_database:  # WhatsApp's arrivals order its chats across processes
            resends.append(services.engine.forget_old_arrivals)
        template = (settings.whatsapp_notification_template or "").strip() or None
        services.outbox.register(CHANNEL, WhatsAppDelivery(wa, services.locales, template, sender))
        DeliveryStatuses(services.outbox, template).register(wa)
    if telegram is not None and secret is not None:
        receive = telegram_webhook(*telegram, secret)
        app.add_route(TELEGRAM_WEBHOOK_PATH, receive, ["POST"])
    return app


async def healthz(_: Request) -> Response:
    return PlainTextResponse("ok")


def telegram_secret(settings: Settings) -> str | None:
    secret = settings.telegram_webhook_secret
    return (secret.get_secret_value().strip() or None) if secret is not None else None


def telegram_application(
    settings: Settings, services: Services, request: BaseRequest | None
) -> tuple[Application, TelegramChannel] | None:  # type: ignore[type-arg]
    """The Telegram bot, when a token is set; the same one ``run`` polls for."""
    token = settings.telegram_token
    if token is None:
        return None
    channel = telegram_channel(services, settings)
    application = build_application(
        token,
        channel,
        base_url=settings.telegram_api_base_url,
        base_file_url=settings.telegram_api_file_url,
        request=request,
    )
    return application, channel


@asynccontextmanager
async def sweeping(
    services: Services, resends: list[Callable[[], Awaitable[None]]]
) -> AsyncIterator[None]:
    """Delivers pending outbox messages at start (what a restart left) and every so often (a
    failed try, a broadcast's rest), and asks again the questions whose replies were never
    confirmed. At shutdown the message being sent is finished, and no other is started: a send
    cut off half-way could only be flagged ``unknown``."""
    stopping = asyncio.Event()

    async def sweep() -> None:
        while not stopping.is_set():
            try:
                await services.outbox.deliver()
                for resend in resends:
                    await resend()
                await services.tallies.run_if_due()
            except Exception:
                log.exception("outbox sweep failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), OUTBOX_SWEEP_SECONDS)

    task = asyncio.create_task(sweep())
    try:
        yield
    finally:
        stopping.set()
        services.outbox.stop()
        await task


def telegram_webhook(
    application: Application,  # type: ignore[type-arg]
    channel: TelegramChannel,
    secret: str,
) -> Callable[[Request], Awaitable[Response]]:
    bot = application.bot
    downloads = downloads_through(bot)

    async def receive(request: Request) -> Response:
        """Reads an update that carries the secret set with ``setWebhook`` into the engine's
        event, hands it to its chat's lane, and answers once it is durable."""
        given = request.headers.get(TELEGRAM_SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            return PlainTextResponse("Forbidden", status_code=403)
        if channel.lanes.full:
            return busy()
        body = await read_body(request)
        if body is None:
            return PlainTextResponse("Payload Too Large", status_code=413)
        try:
            data = read_json(body)
            update_id = str(update_id_of(data))
            incoming = read_update(data, downloads)
        except NotAnUpdate:
            return PlainTextResponse("Bad Request", status_code=400)
        durable = channel.acks.expect(update_id)
        channel.accept(bot, update_id, incoming)
        try:
            await durable
        except UpdateNotDurable as failure:
            log.warning("Telegram update not stored (%s): asking for it again", failure)
            return PlainTextResponse("Service Unavailable", status_code=503)
        return Response()

    return receive


def read_json(body: bytes) -> object:
    """The JSON document in a body; :class:`NotAnUpdate` for anything that is not JSON,
    nested too deep included."""
    try:
        return json.loads(body)
    except (ValueError, RecursionError) as error:
        raise NotAnUpdate("not JSON") from error


def serve(settings: Settings) -> None:
    """Runs the web application with uvicorn on ``WEB_HOST``:``WEB_PORT``, in ``WEB_WORKERS``
    processes sharing the port and the database. uvicorn passes SIGTERM on to its workers, and
    each finishes the updates it accepted before it exits."""
    if settings.telegram_token is not None and telegram_secret(settings) is None:
        log.warning("TELEGRAM_WEBHOOK_SECRET is not set: no Telegram webhook (`run` polls)")
    if whatsapp_config(settings) is None:
        log.warning("WHATSAPP_* settings are not set: no WhatsApp webhook")
    host, port = settings.web_host, settings.web_port
    if settings.web_workers > 1:
        log.info("starting %d worker processes", settings.web_workers)
        target = f"{__name__}:{worker_app.__name__}"
        workers = settings.web_workers
        with metrics_served(settings, workers=workers):
            uvicorn.run(
                target, factory=True, workers=workers, host=host, port=port, log_config=None
            )
        return
    app = build_web_app(settings, build_services(settings))
    freeze_start_up_objects()
    with metrics_served(settings):
        uvicorn.run(app, host=host, port=port, log_config=None)


def worker_app() -> Starlette:
    """The application of one uvicorn worker process, from the same environment and `.env`,
    logging as the parent process does (with its secrets, at its ``LOG_LEVEL``)."""
    stop_with_parent()
    settings = Settings()
    configure_logging(settings)
    app = build_web_app(settings, build_services(settings))
    freeze_start_up_objects()
    return app


PR_SET_PDEATHSIG = 1
"""Linux's prctl option: a signal for this process when its parent dies."""


def stop_with_parent() -> None:
    """A worker is sent SIGTERM when its parent `serve` dies, even by SIGKILL, and stops
    gracefully: an orphan would go on sending the outbox and sweeping the chats of a database
    nobody serves from it any more."""
    if sys.platform != "linux":
        return
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
