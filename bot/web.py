"""One ASGI application for every webhook: WhatsApp Cloud API, Telegram, and a health check.

Webhooks are answered as soon as the request is authenticated, and the update is handled right
after (a Starlette background task for WhatsApp, python-telegram-bot's update queue for
Telegram), so Meta and Telegram never wait on the engine or on sending and do not redeliver for
slowness. A graceful shutdown finishes every update already accepted; only a hard crash between
the answer and the engine's commit loses an update. A redelivery is applied once: the engine
claims update ids in the database.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application
from telegram.request import BaseRequest

from bot.outbox_watch import watching
from bot.settings import Settings
from bot.telegram.app import build_application
from bot.whatsapp.channel import WhatsAppChannel
from bot.whatsapp.client import whatsapp_client, whatsapp_config
from bot.whatsapp.delivery import WhatsAppDelivery
from bot.whatsapp.sending import whatsapp_sender
from bot.whatsapp.statuses import DeliveryStatuses
from bot.whatsapp.updates import CHANNEL
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
    session = graph_session or httpx.AsyncClient(timeout=GRAPH_TIMEOUT)
    secret = telegram_secret(settings)
    telegram = telegram_application(settings, services, telegram_request) if secret else None

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        async with AsyncExitStack() as stack:
            stack.push_async_callback(services.close)
            stack.push_async_callback(session.aclose)
            if telegram is not None:
                await stack.enter_async_context(running(telegram))
            await stack.enter_async_context(sweeping(services))
            if settings.outbox_watch:
                await stack.enter_async_context(watching(services))
            yield

    app = Starlette(routes=[Route("/healthz", healthz)], lifespan=lifespan)
    if config is not None:
        wa = whatsapp_client(app, config, session)
        sender = whatsapp_sender(wa, services, settings)
        WhatsAppChannel(
            wa,
            services.engine,
            services.locales,
            services.outbox,
            settings.default_language,
            sender,
            settings.max_photo_mb * 1_000_000,
        ).register()
        template = (settings.whatsapp_notification_template or "").strip() or None
        services.outbox.register(CHANNEL, WhatsAppDelivery(wa, services.locales, template, sender))
        DeliveryStatuses(services.outbox, template).register(wa)
    if telegram is not None and secret is not None:
        app.add_route(TELEGRAM_WEBHOOK_PATH, telegram_webhook(telegram, secret), ["POST"])
    return app


async def healthz(_: Request) -> Response:
    return PlainTextResponse("ok")


def telegram_secret(settings: Settings) -> str | None:
    secret = settings.telegram_webhook_secret
    return (secret.get_secret_value().strip() or None) if secret is not None else None


def telegram_application(
    settings: Settings, services: Services, request: BaseRequest | None
) -> Application | None:  # type: ignore[type-arg]
    """The Telegram bot, when a token is set; the same one ``run`` polls for."""
    token = settings.telegram_token
    if token is None:
        return None
    channel = telegram_channel(services, settings)
    return build_application(
        token,
        channel,
        base_url=settings.telegram_api_base_url,
        base_file_url=settings.telegram_api_file_url,
        request=request,
    )


@asynccontextmanager
async def running(application: Application) -> AsyncIterator[None]:  # type: ignore[type-arg]
    """Starts the application's update processing; stopping finishes the queued updates."""
    async with application:
        if application.post_init is not None:
            await application.post_init(application)
        await application.start()
        try:
            yield
        finally:
            await application.stop()


@asynccontextmanager
async def sweeping(services: Services) -> AsyncIterator[None]:
    """Delivers pending outbox messages at start (what a restart left) and every so often (a
    failed try, a broadcast's rest). At shutdown the message being sent is finished, and no
    other is started: a send cut off half-way could only be flagged ``unknown``."""
    stopping = asyncio.Event()

    async def sweep() -> None:
        while not stopping.is_set():
            try:
                await services.outbox.deliver()
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
    secret: str,
) -> Callable[[Request], Awaitable[Response]]:
    async def receive(request: Request) -> Response:
        """Queues an update that carries the secret set with ``setWebhook``."""
        given = request.headers.get(TELEGRAM_SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            return PlainTextResponse("Forbidden", status_code=403)
        await application.update_queue.put(Update.de_json(await request.json(), application.bot))
        return Response()

    return receive


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
        uvicorn.run(target, factory=True, workers=workers, host=host, port=port, log_config=None)
        return
    app = build_web_app(settings, build_services(settings))
    freeze_start_up_objects()
    uvicorn.run(app, host=host, port=port, log_config=None)


def worker_app() -> Starlette:
    """The application of one uvicorn worker process, from the same environment and `.env`."""
    from bot.cli import configure_logging  # the CLI imports this module

    configure_logging(verbose=False)
    settings = Settings()
    app = build_web_app(settings, build_services(settings))
    freeze_start_up_objects()
    return app
