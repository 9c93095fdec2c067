"""The Discord experience users of well-liked bots expect (issue 13), end to end: the real
discord.py client against the loopback stand-in (127.0.0.1 only). Every message and every
press is checked against Discord's limits, components included."""
from __future__ import annotations

import pytest
from limits import check_payload
from parley_discord_fakes import KULEBA, FakeEngine, make_article
from parley_discord_harness import WAIT, running_bot, settings_for  # noqa: F401  (`start`)

from bot.discord_bot import formatting as F
from bot.discord_bot.context_menu import MENU_NAME
from bot.discord_bot.plain import NO_EMBEDS
from bot.discord_bot.threads import STARTER
from bot.discord_bot.views import NOT_YOURS
from corpus.models import Speaker

pytestmark = pytest.mark.integration

EPHEMERAL = 64
LINK = 5
EMBED_LINKS = 1 << 14
ADMINISTRATOR = 1 << 3
ERDOGAN = Speaker("Recep Tayyip Erdogan", "Turkish President", "person")


def check_components(data: dict) -> None:
    """Discord's component limits: 5 rows of at most 5 buttons or one select menu; labels 80,
    options 25 of 100-character labels; link buttons with a url and no custom id."""
    rows = data.get("components") or []
    assert len(rows) <= 5
    for row in rows:
        items = row["components"]
        assert 1 <= len(items) <= 5
        for c in items:
            if c["type"] == 2:
                assert len(c.get("label") or "") <= F.BUTTON_LABEL_LIMIT
                if c["style"] == LINK:
                    assert "custom_id" not in c and len(c["url"]) <= F.URL_LIMIT
                else:
                    assert len(c["custom_id"]) <= 100
            else:
                assert c["type"] == 3 and len(items) == 1
                assert 1 <= len(c["options"]) <= F.SELECT_OPTIONS_LIMIT
                for o in c["options"]:
                    assert len(o["label"]) <= 100 and len(o["value"]) <= 100
                    assert len(o.get("description") or "") <= 100


def check(data: dict, *, allowed_key: str = "allowed_mentions") -> dict:
    check_payload(data, allowed_key=allowed_key)
    check_components(data)
    return data


def controls(message: dict) -> dict[str, dict]:
    return {c.get("label") or c.get("placeholder"): c
            for row in message.get("components", []) for c in row["components"]}


async def asked(h, *, user=None, **options) -> tuple[dict, str]:
    """The callback data of a public /ask and the id of the message it made."""
    iid = await h.stub.slash("ask", user, **options)
    data = check((await h.completed(iid))["data"])
    return data, h.stub._interactions[iid]["_original"]


def long_article():
    passages = [("Talks in Istanbul", None)]
    passages += [(f"Kuleba said point {i} of the ceasefire plan mattered.", KULEBA)
                 for i in range(1, 13)]
    passages.append(("Kuleba said the ceasefire " + "plan " * 700 + "ends.", KULEBA))
    passages.append(("Erdogan said the talks were a step towards a ceasefire.", ERDOGAN))
    return make_article(passages)


# ---------------------------------------------------------------------------- commands declared


async def test_commands_and_ask_parley_menu_synced_with_install_and_interaction_contexts(start):
    h = await start(settings_for(guild_id=4242), sync=True)
    menu = h.stub.commands[MENU_NAME]
    assert menu["type"] == 3  # a message command: Apps -> Ask Parley
    for name in ("ask", "speakers", "quotes", "source", "help", MENU_NAME):
        cmd = h.stub.commands[name]
        assert cmd["contexts"] == [0, 1] and cmd["integration_types"] == [0], name
    assert h.stub.commands["help"]["type"] == 1


async def test_auto_sharded_without_a_shard_count_asks_discord_how_many(start):
    h = await start()
    assert any(r.path == "/api/v10/gateway/bot" for r in h.stub.requests)
    assert h.stub.identifies[0]["shard"] == [0, 1]


# ---------------------------------------------------------------------------- the message menu


async def test_ask_parley_menu_answers_privately_about_the_messages_text(start):
    h = await start()
    text = "Lavrov said Russia wanted security guarantees"
    iid = await h.stub.message_command(MENU_NAME, h.stub.user_message(text))
    data = check((await h.callback(iid))["data"])
    assert data["flags"] & EPHEMERAL
    assert data["content"].startswith("*About a message by Someone-Else:*")
    assert h.engine.calls[-1] == ("ask", text, 3, None)
    assert data["embeds"][0]["author"]["name"].startswith("Sergei Lavrov")


async def test_ask_parley_menu_on_a_message_without_text_says_so(start):
    h = await start()
    iid = await h.stub.message_command(MENU_NAME, h.stub.user_message(""))
    data = (await h.callback(iid))["data"]
    assert data["flags"] & EPHEMERAL and "no text" in data["content"]
    assert not h.engine.calls


# ---------------------------------------------------------------------------- links and passages


async def test_reply_to_ask_on_an_article_with_a_url_has_a_link_button_and_linked_title(start):
    h = await start()
    data, _ = await asked(h, question="what did Kuleba say about the ceasefire")
    links = [c for c in controls(data).values() if c.get("style") == LINK]
    assert [c["url"] for c in links] == ["https://example.org/istanbul"]
    assert data["embeds"][0]["url"] == "https://example.org/istanbul"
    assert data["embeds"][0]["title"] == "Talks in Istanbul end without a ceasefire"


async def test_full_passage_button_shows_the_shortened_passage_whole_to_whoever_presses(start):
    h = await start(settings_for(results_per_page=5), engine=FakeEngine(article=long_article()))
    data, mid = await asked(h, question="kuleba ceasefire plan ends", results=5)
    full = controls(data)["Full passage"]
    assert any(e["description"].endswith("\u2026") for e in data["embeds"])
    shown = await h.callback(await h.stub.press(mid, full["custom_id"], user=h.stub.other))
    assert shown["type"] == 4 and shown["data"]["flags"] & EPHEMERAL
    check(shown["data"])
    inter = h.stub._interactions[shown["_interaction_id"]]

    def whole() -> str:
        return shown["data"]["content"] + "".join(h.stub.messages[m]["content"]
                                                  for m in inter.get("_followups") or [])
    text = await h.stub.wait_for(lambda: "**ends**." in whole() and whole(), WAIT,
                                 "the whole passage")
    assert text.count("plan") >= 700
    for m in inter["_followups"]:
        check(h.stub.messages[m], allowed_key="_allowed_mentions")


# ---------------------------------------------------------------------------- pages


async def test_first_last_and_page_jump_work_for_the_asker_only(start):
    h = await start(settings_for(results_per_page=1))
    data, mid = await asked(h, question="said ceasefire talks kuleba lavrov", results=5)
    c = controls(data)
    assert c["1/5"]["disabled"] and c["First"]["disabled"] and not c["Last"]["disabled"]
    refused = await h.callback(await h.stub.press(mid, c["Last"]["custom_id"], user=h.stub.other))
    assert refused["data"]["content"] == NOT_YOURS and refused["data"]["flags"] & EPHEMERAL
    last = await h.callback(await h.stub.press(mid, c["Last"]["custom_id"]))
    assert last["type"] == 7 and "Page 5 of 5" in check(last["data"])["content"]
    jump = controls(last["data"])["Jump to a page\u2026"]
    assert [o["value"] for o in jump["options"]] == ["0", "1", "2", "3", "4"]
    jumped = await h.callback(await h.stub.press(mid, jump["custom_id"], values=["2"]))
    assert "Page 3 of 5" in check(jumped["data"])["content"]
    back = controls(jumped["data"])["First"]["custom_id"]
    first = await h.callback(await h.stub.press(mid, back))
    assert "Page 1 of 5" in check(first["data"])["content"]


async def test_delete_removes_the_reply_for_the_asker_only(start):
    h = await start()
    data, mid = await asked(h, question="what did Kuleba say about the ceasefire")
    delete = controls(data)["Delete"]["custom_id"]
    refused = await h.callback(await h.stub.press(mid, delete, user=h.stub.other))
    assert refused["data"]["content"] == NOT_YOURS and mid in h.stub.messages
    pressed = await h.callback(await h.stub.press(mid, delete))
    assert pressed["type"] == 6
    await h.stub.wait_for(lambda: mid not in h.stub.messages, WAIT, "the reply to be deleted")


async def test_speakers_list_ranked_and_filtered_with_a_fuzzy_filter(start):
    h = await start(engine=FakeEngine(article=long_article()))
    data = check((await h.callback(await h.stub.slash("speakers")))["data"])
    lines = data["embeds"][0]["description"].splitlines()
    assert lines[0].startswith("**Dmytro Kuleba") and "Erdogan" in lines[1]  # most first
    data = check((await h.callback(await h.stub.slash("speakers", filter="erdgan")))["data"])
    assert data["embeds"][0]["description"].startswith("**Recep Tayyip Erdogan")
    assert "Kuleba" not in data["embeds"][0]["description"]


async def test_source_article_option_autocompletes_titles_and_shows_the_article(start):
    h = await start()
    cb = await h.callback(await h.stub.autocomplete("source", "article", "istanbl talks"))
    assert cb["data"]["choices"][0]["value"] == "istanbul-talks"
    data = check((await h.callback(await h.stub.slash("source", article="istanbul-talks")))
                 ["data"])
    assert data["embeds"][0]["url"] == "https://example.org/istanbul"
    assert [c["url"] for c in controls(data).values() if c.get("style") == LINK]


# ---------------------------------------------------------------------------- autocomplete, help


async def test_autocomplete_for_erdgan_offers_erdogan_with_his_role(start):
    h = await start(engine=FakeEngine(article=long_article()))
    for command, option in (("ask", "speaker"), ("quotes", "speaker"), ("speakers", "filter")):
        cb = await h.callback(await h.stub.autocomplete(command, option, "erdgan"))
        assert cb["data"]["choices"][0] == {"name": "Recep Tayyip Erdogan, Turkish President",
                                            "value": "Recep Tayyip Erdogan"}, command


async def test_help_says_what_parley_does_with_every_command_privately(start):
    h = await start()
    data = check((await h.callback(await h.stub.slash("help")))["data"])
    assert data["flags"] & EPHEMERAL
    text = str(data["embeds"][0])
    for name in ("/ask", "/speakers", "/quotes", "/source", "Ask Parley", "/help"):
        assert name in text
    assert not h.engine.calls


# ---------------------------------------------------------------------------- no Embed Links


@pytest.mark.parametrize(("command", "options"), [
    ("ask", {"question": "said ceasefire talks kuleba lavrov", "results": 5}),
    ("speakers", {}),
    ("source", {}),
    ("help", {}),
])
async def test_without_embed_links_the_reply_is_plain_text_under_2000_characters(start, command,
                                                                                 options):
    h = await start(engine=FakeEngine(article=long_article()))
    h.stub.app_permissions &= ~EMBED_LINKS
    data = check((await h.callback(await h.stub.slash(command, **options)))["data"])
    assert not data.get("embeds")
    assert data["content"].startswith(NO_EMBEDS) and len(data["content"]) <= F.MESSAGE_LIMIT


async def test_mention_without_embed_links_in_the_channel_is_plain_text(start):
    h = await start()
    h.stub.role_permissions &= ~(ADMINISTRATOR | EMBED_LINKS)
    await h.stub.update_role()
    mid = await h.stub.say(f"<@{h.stub.app_id}> what did Lavrov say about guarantees?")
    reply = await h.reply(mid)
    check(reply, allowed_key="_allowed_mentions")
    assert not reply["embeds"] and NO_EMBEDS in reply["content"] and "Lavrov" in reply["content"]


# ---------------------------------------------------------------------------- threads


@pytest.mark.parametrize(("configured", "option"), [(False, True), (True, None)],
                         ids=["thread-option", "config-default"])
async def test_ask_answers_in_a_new_thread_when_asked_or_configured(start, configured, option):
    h = await start(settings_for(answer_in_thread=configured))
    extra = {} if option is None else {"thread": option}
    iid = await h.stub.slash("ask", question="what did Kuleba say about the ceasefire", **extra)
    starter = check((await h.callback(iid))["data"])
    assert STARTER in starter["content"] and not starter.get("embeds")
    [thread] = await h.stub.wait_for(lambda: list(h.stub.threads.values()), WAIT, "a thread")
    assert thread["_from_message"] == h.stub._interactions[iid]["_original"]
    assert thread["name"] == "what did Kuleba say about the ceasefire"
    posted = await h.stub.wait_for(
        lambda: [m for m in h.stub.messages.values() if m["channel_id"] == thread["id"]], WAIT,
        "the answer in the thread")
    check(posted[0], allowed_key="_allowed_mentions")
    assert posted[0]["embeds"][0]["author"]["name"] == KULEBA.label()


async def test_ask_inside_an_existing_thread_answers_there(start):
    h = await start(settings_for(answer_in_thread=True))
    h.stub.in_thread = True
    data, _ = await asked(h, question="what did Kuleba say about the ceasefire", thread=True)
    assert data["embeds"] and not h.stub.threads


async def test_private_ask_never_opens_a_thread(start):
    h = await start()
    iid = await h.stub.slash("ask", question="ceasefire", thread=True, private=True)
    data = check((await h.callback(iid))["data"])
    assert data["flags"] & EPHEMERAL and data["embeds"] and not h.stub.threads
