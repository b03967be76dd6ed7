from tests.support.telegram_chat import TelegramBot


async def test_start_shows_welcome_and_menu(telegram: TelegramBot) -> None:
    user = telegram.user(111)
    received = await user.say("/start")
    assert len(received) == 1
    assert "Selamat datang" in received[0].text
    assert received[0].labels[0] == "📝 Daftar sekarang"
