"""Benchmarks: throughput, latency and memory of the bot, driven offline through the real
python-telegram-bot ``Application``. Run them with ``python -m bench.conversation`` and
``python -m bench.memory``; see the "Benchmarks" section of the README."""
