"""A stand-in for Discord on 127.0.0.1: the REST API and the gateway websocket, for driving the
real, unmodified discord.py client end to end.

Only what Parley's bot uses is served, in the shapes discord.py 2.x parses (read from its
gateway.py, http.py, state.py, interactions.py and webhook/async_.py):

* REST (under /api/v10): GET users/@me, oauth2/applications/@me, gateway, gateway/bot;
  PUT application commands (global and guild); POST/PATCH channel messages; POST interaction
  callbacks; webhook followups, GET/PATCH/DELETE @original. Bodies are sent with Content-Type
  exactly `application/json` (discord.py parses JSON only then). A 429 can be injected for any
  route (with `Via` and `retry_after`, as Discord sends it), and every request is recorded.
* Gateway (GET /gateway, websocket, plain-text JSON frames): HELLO, IDENTIFY -> READY +
  GUILD_CREATE, HEARTBEAT -> ACK, RESUME -> replay missed events + RESUMED, and dispatch of
  MESSAGE_CREATE / INTERACTION_CREATE. `drop()` aborts the TCP connection to test resuming.
* Faults (for the reliability tests): `fail()` answers matching REST calls with any status and
  body (500, or 404 "Unknown interaction" 10062); `slash(..., expired=True)` sends an interaction
  whose token has already expired, `slash(..., age=s)` one created `s` seconds ago (ids are real
  time-based snowflakes); `refuse_identify = 4014` closes the gateway with that code on
  IDENTIFY; `close_codes` records how each gateway connection was closed.

It binds 127.0.0.1 only and never contacts anything.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

API = "/api/v10"
EPOCH = "2026-01-01T00:00:00.000000+00:00"
DISCORD_EPOCH_MS = 1420070400000
INTENT_MESSAGE_CONTENT = 1 << 15
BODY: Any = web.RequestKey("parley_body", object) if hasattr(web, "RequestKey") else "parley_body"


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    h = {"Content-Type": "application/json"}  # exactly: no charset suffix
    h.update(headers or {})
    return web.Response(body=json.dumps(data).encode(), status=status, headers=h)


@dataclass
class Recorded:
    method: str
    path: str
    json: Any
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)
    status: int = 200


@dataclass
class RateLimitRule:
    method: str
    pattern: str
    times: int
    retry_after: float
    is_global: bool = False


@dataclass
class SlowRule:
    method: str
    pattern: str
    seconds: float


@dataclass
class FaultRule:
    method: str
    pattern: str
    times: int
    status: int
    body: dict


class DiscordStandIn:
    def __init__(self, *, token: str, heartbeat_ms: int = 1000):
        self.token = token
        self.heartbeat_ms = heartbeat_ms
        self._last_id = 0
        self.app_id = self.snowflake()
        self.guild_id = self.snowflake()
        self.channel_id = self.snowflake()
        self.thread_id = self.snowflake()
        self.app_permissions = (1 << 41) - 1  # what interactions say the bot may do
        self.in_thread = False  # interactions come from a thread under the channel
        self.role_permissions = (1 << 41) - 1  # the @everyone role's (the bot has no other)
        self.bot_user = {"id": str(self.app_id), "username": "Parley", "discriminator": "0",
                         "global_name": None, "avatar": None, "bot": True, "flags": 0}
        self.asker = self.make_user("asker")
        self.other = self.make_user("someone-else")
        self.requests: list[Recorded] = []
        self.unexpected: list[Recorded] = []
        self.rate_limits: list[RateLimitRule] = []
        self.rate_limited: list[Recorded] = []
        self.faults: list[FaultRule] = []
        self.slow_rules: list[SlowRule] = []
        self.failed: list[Recorded] = []  # requests answered by a `fail()` rule
        self.refuse_identify: int | None = None  # gateway close code sent instead of READY
        self.close_codes: list[int | None] = []  # per gateway connection, as the client closed it
        self.refusals: list[int] = []  # close codes sent by `refuse_identify`
        self.messages: dict[str, dict] = {}  # id -> message payload (bot messages)
        self.callbacks: list[dict] = []  # interaction callback bodies (+ "_interaction_id")
        self.identifies: list[dict] = []
        self.resumes: list[dict] = []
        self.heartbeats = 0
        self.connections = 0
        self.seq = 0
        self.session_id: str | None = None
        self.pending: list[dict] = []  # dispatches made while nobody is connected
        self._ws: web.WebSocketResponse | None = None
        self._live = False  # identified or resumed on the current socket
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.commands: dict[str, dict] = {}
        self.threads: dict[str, dict] = {}  # id -> thread channel started by the bot
        self._interactions: dict[str, dict] = {}
        self.expired_hits: list[str] = []  # callbacks refused with 10062

    # ------------------------------------------------------------------ helpers

    def snowflake(self, age: float = 0.0) -> int:
        """A unique, increasing id that encodes its creation time, as Discord's do
        (`age` seconds in the past for a late interaction)."""
        ms = int((time.time() - age) * 1000) - DISCORD_EPOCH_MS
        sid = ms << 22
        if age == 0.0:
            sid = self._last_id = max(sid, self._last_id + 1)
        else:
            sid |= (self._last_id + 1) & 0x3FFFFF
            self._last_id += 1
        return sid

    def make_user(self, name: str) -> dict:
        return {"id": str(self.snowflake()), "username": name, "discriminator": "0",
                "global_name": name.title(), "avatar": None, "bot": False, "flags": 0}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 10.0,
                       what: str = "condition") -> Any:
        """Wait (bounded) until predicate() is truthy; returns its value."""
        deadline = time.monotonic() + timeout
        async with self._changed:
            while True:
                value = predicate()
                if value:
                    return value
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"timed out after {timeout}s waiting for {what}")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), timeout=min(left, 0.25))

    def rate_limit(self, method: str, pattern: str, *, times: int = 1, retry_after: float = 0.3,
                   is_global: bool = False) -> None:
        """Answer the next `times` matching requests with 429 (regex `pattern` on the path)."""
        self.rate_limits.append(RateLimitRule(method, pattern, times, retry_after, is_global))

    def fail(self, method: str, pattern: str, *, status: int = 500, times: int = 1,
             code: int = 0, message: str = "500: Internal Server Error") -> None:
        """Answer the next `times` matching requests with `status` (regex `pattern` on the path)."""
        self.faults.append(FaultRule(method, pattern, times, status,
                                     {"message": message, "code": code}))

    def slow(self, method: str, pattern: str, seconds: float) -> None:
        """Handle matching requests at once (tests see their effect) but answer the client only
        `seconds` later, as a slow network does."""
        self.slow_rules.append(SlowRule(method, pattern, seconds))

    # ------------------------------------------------------------------ server

    async def start(self) -> None:
        app = web.Application(middlewares=[self._record])
        r = app.router
        r.add_get("/gateway", self._gateway)
        r.add_get(API + "/gateway", self._get_gateway)
        r.add_get(API + "/gateway/bot", self._get_gateway_bot)
        r.add_get(API + "/users/@me", self._me)
        r.add_get(API + "/oauth2/applications/@me", self._app_info)
        r.add_put(API + "/applications/{app}/commands", self._put_commands)
        r.add_put(API + "/applications/{app}/guilds/{guild}/commands", self._put_commands)
        r.add_post(API + "/channels/{channel}/messages", self._create_message)
        r.add_patch(API + "/channels/{channel}/messages/{message}", self._edit_message)
        r.add_post(API + "/channels/{channel}/messages/{message}/threads", self._start_thread)
        r.add_post(API + "/interactions/{iid}/{token}/callback", self._callback)
        r.add_post(API + "/webhooks/{app}/{token}", self._followup)
        r.add_route("*", API + "/webhooks/{app}/{token}/messages/{message}", self._original)
        r.add_route("*", "/{tail:.*}", self._unknown)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._ws is not None and not self._ws.closed:
            await self._ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @web.middleware
    async def _record(self, request: web.Request, handler):
        body = None
        if request.can_read_body:
            raw = await request.read()
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = raw.decode("utf-8", "replace")
        rec = Recorded(request.method, request.path, body, dict(request.headers))
        if request.path.startswith(API):
            for rule in self.rate_limits:
                if (rule.times > 0 and rule.method == request.method
                        and re.search(rule.pattern, request.path)):
                    rule.times -= 1
                    rec.status = 429
                    self.rate_limited.append(rec)
                    await self._notify()
                    return _json({"message": "You are being rate limited.",
                                  "retry_after": rule.retry_after, "global": rule.is_global},
                                 status=429,
                                 headers={"Via": "1.1 google", "Retry-After": str(rule.retry_after),
                                          "X-RateLimit-Scope": "user"})
            for fault in self.faults:
                if (fault.times > 0 and fault.method == request.method
                        and re.search(fault.pattern, request.path)):
                    fault.times -= 1
                    rec.status = fault.status
                    self.failed.append(rec)
                    await self._notify()
                    return _json(fault.body, status=fault.status)
        request[BODY] = body
        self.requests.append(rec)
        response = await handler(request)
        rec.status = response.status
        await self._notify()
        for slow in self.slow_rules:
            if slow.method == request.method and re.search(slow.pattern, request.path):
                await asyncio.sleep(slow.seconds)
        return response

    def _check_auth(self, request: web.Request) -> web.Response | None:
        if request.headers.get("Authorization") != f"Bot {self.token}":
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        return None

    async def _unknown(self, request: web.Request) -> web.Response:
        self.unexpected.append(Recorded(request.method, request.path, request.get(BODY),
                                        dict(request.headers)))
        return _json({"message": "404: Not Found", "code": 0}, status=404)

    async def _me(self, request: web.Request) -> web.Response:
        return self._check_auth(request) or _json(self.bot_user)

    async def _get_gateway(self, request: web.Request) -> web.Response:
        return _json({"url": self.gateway_url})

    async def _get_gateway_bot(self, request: web.Request) -> web.Response:
        return self._check_auth(request) or _json({
            "url": self.gateway_url, "shards": 1,
            "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0,
                                    "max_concurrency": 1}})

    async def _app_info(self, request: web.Request) -> web.Response:
        return self._check_auth(request) or _json({
            "id": str(self.app_id), "name": "Parley", "icon": None, "description": "",
            "rpc_origins": [], "bot_public": False, "bot_require_code_grant": False,
            "owner": self.asker, "summary": "", "verify_key": "0" * 64, "team": None,
            "flags": 0, "interactions_endpoint_url": None, "bot": self.bot_user})

    async def _put_commands(self, request: web.Request) -> web.Response:
        if (bad := self._check_auth(request)):
            return bad
        out = []
        for cmd in request[BODY] or []:
            cmd = dict(cmd, id=str(self.snowflake()), application_id=str(self.app_id), version="1",
                       default_member_permissions=cmd.get("default_member_permissions"),
                       description=cmd.get("description", ""))  # "" for a context menu
            if "guild" in request.match_info:
                cmd["guild_id"] = request.match_info["guild"]
            self.commands[cmd["name"]] = cmd
            out.append(cmd)
        return _json(out)

    def _message(self, body: dict, *, channel_id: Any = None,
                 interaction: dict | None = None) -> dict:
        mid = str(self.snowflake())
        msg = {
            "id": mid, "channel_id": str(channel_id or self.channel_id),
            "guild_id": str(self.guild_id),
            "author": self.bot_user, "content": body.get("content") or "", "timestamp": EPOCH,
            "edited_timestamp": None, "tts": False, "mention_everyone": False, "mentions": [],
            "mention_roles": [], "attachments": [], "embeds": body.get("embeds") or [],
            "pinned": False, "type": 0 if interaction is None else 20,
            "flags": body.get("flags") or 0, "components": body.get("components") or [],
            "_allowed_mentions": body.get("allowed_mentions"),
            "_message_reference": body.get("message_reference"),
        }
        if interaction is not None:
            msg["interaction_metadata"] = {"id": interaction["id"], "type": 2,
                                           "user": interaction["member"]["user"],
                                           "authorizing_integration_owners": {}}
        self.messages[mid] = msg
        return msg

    @staticmethod
    def _public(msg: dict) -> dict:
        return {k: v for k, v in msg.items() if not k.startswith("_")}

    async def _create_message(self, request: web.Request) -> web.Response:
        if (bad := self._check_auth(request)):
            return bad
        msg = self._message(request[BODY] or {}, channel_id=request.match_info["channel"])
        return _json(self._public(msg))

    async def _edit_message(self, request: web.Request) -> web.Response:
        if (bad := self._check_auth(request)):
            return bad
        msg = self.messages.get(request.match_info["message"])
        if msg is None:
            return _json({"message": "Unknown Message", "code": 10008}, status=404)
        for k, v in (request[BODY] or {}).items():
            msg[k if k != "allowed_mentions" else "_allowed_mentions"] = v
        msg["edited_timestamp"] = EPOCH
        return _json(self._public(msg))

    async def _start_thread(self, request: web.Request) -> web.Response:
        """A public thread started from a message (type 11), recorded in `threads`."""
        if (bad := self._check_auth(request)):
            return bad
        body = request[BODY] or {}
        thread = {"id": str(self.snowflake()), "guild_id": str(self.guild_id), "type": 11,
                  "parent_id": request.match_info["channel"], "owner_id": str(self.app_id),
                  "name": body.get("name"), "last_message_id": None, "message_count": 0,
                  "member_count": 1, "rate_limit_per_user": 0, "flags": 0,
                  "thread_metadata": {"archived": False, "locked": False,
                                      "auto_archive_duration": body.get(
                                          "auto_archive_duration", 1440),
                                      "archive_timestamp": EPOCH},
                  "_from_message": request.match_info["message"]}
        self.threads[thread["id"]] = thread
        return _json(self._public(thread), status=201)

    async def _callback(self, request: web.Request) -> web.Response:
        body = dict(request[BODY] or {})
        iid = request.match_info["iid"]
        inter = self._interactions.get(iid)
        if inter is None or inter["token"] != request.match_info["token"] or inter.get("_expired"):
            self.expired_hits.append(iid)
            return _json({"message": "Unknown interaction", "code": 10062}, status=404)
        if inter.get("_answered"):
            return _json({"message": "Interaction has already been acknowledged.", "code": 40060},
                         status=400)
        inter["_answered"] = True
        body["_interaction_id"] = iid
        self.callbacks.append(body)
        kind = body.get("type")
        data = body.get("data") or {}
        ephemeral = bool((data.get("flags") or 0) & 64)
        out: dict = {"interaction": {"id": iid, "type": inter["type"],
                                     "response_message_loading": kind == 5,
                                     "response_message_ephemeral": ephemeral}}
        if kind == 4:
            msg = self._message(data, interaction=inter)
            inter["_original"] = msg["id"]
            out["interaction"]["response_message_id"] = msg["id"]
            out["resource"] = {"type": 4, "message": self._public(msg)}
        elif kind == 7 and inter.get("message"):
            msg = self.messages.get(inter["message"]["id"])
            if msg is not None:
                msg.update({k: v for k, v in data.items() if k != "allowed_mentions"})
                msg["_allowed_mentions"] = data.get("allowed_mentions")
                out["interaction"]["response_message_id"] = msg["id"]
                out["resource"] = {"type": 7, "message": self._public(msg)}
        elif kind == 6 and inter.get("message"):  # deferred update: @original is that message
            inter["_original"] = inter["message"]["id"]
        elif kind == 8:
            out["resource"] = {"type": 8}
        return _json(out)

    async def _followup(self, request: web.Request) -> web.Response:
        inter = next((i for i in self._interactions.values()
                      if i["token"] == request.match_info["token"]), None)
        if inter is None or inter.get("_expired"):
            return _json({"message": "Unknown Webhook", "code": 10015}, status=404)
        msg = self._message(request[BODY] or {}, interaction=inter)
        inter.setdefault("_followups", []).append(msg["id"])
        return _json(self._public(msg))

    async def _original(self, request: web.Request) -> web.Response:
        inter = next((i for i in self._interactions.values()
                      if i["token"] == request.match_info["token"]), None)
        mid = inter.get("_original") if inter else None
        msg = self.messages.get(mid or "")
        if msg is None:
            return _json({"message": "Unknown Message", "code": 10008}, status=404)
        if request.method == "PATCH":
            for k, v in (request[BODY] or {}).items():
                msg[k if k != "allowed_mentions" else "_allowed_mentions"] = v
        elif request.method == "DELETE":
            del self.messages[msg["id"]]
            return web.Response(status=204)
        return _json(self._public(msg))

    # ------------------------------------------------------------------ gateway

    async def _send(self, payload: dict) -> None:
        assert self._ws is not None
        await self._ws.send_str(json.dumps(payload))

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(autoping=True, heartbeat=None)
        await ws.prepare(request)
        self.connections += 1
        self._ws, self._live = ws, False
        self._transport = request.transport
        await self._send({"op": 10, "d": {"heartbeat_interval": self.heartbeat_ms},
                          "s": None, "t": None})
        await self._notify()
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                data = json.loads(msg.data)
                op = data.get("op")
                if op == 1:
                    self.heartbeats += 1
                    await self._send({"op": 11, "d": None, "s": None, "t": None})
                elif op == 2:
                    await self._identify(data["d"])
                elif op == 6:
                    await self._resume(data["d"])
                await self._notify()
        finally:
            self.close_codes.append(ws.close_code)
            if self._ws is ws:
                self._live = False
            await self._notify()
        return ws

    async def _identify(self, d: dict) -> None:
        if d.get("token") != self.token:
            await self._ws.close(code=4004, message=b"Authentication failed.")
            return
        if self.refuse_identify is not None:
            self.refusals.append(self.refuse_identify)
            await self._ws.close(code=self.refuse_identify, message=b"Disallowed intent(s).")
            return
        self.identifies.append(d)
        self.session_id = f"session-{len(self.identifies)}"
        shard = d.get("shard") or [0, 1]
        self.seq += 1
        await self._send({"op": 0, "t": "READY", "s": self.seq, "d": {
            "v": 10, "user": self.bot_user,
            "guilds": [{"id": str(self.guild_id), "unavailable": True}],
            "session_id": self.session_id, "resume_gateway_url": self.gateway_url,
            "shard": shard, "application": {"id": str(self.app_id), "flags": 0},
            "private_channels": [], "relationships": []}})
        self.seq += 1
        await self._send({"op": 0, "t": "GUILD_CREATE", "s": self.seq, "d": self.guild_payload()})
        self._live = True
        await self._flush_pending()

    async def _resume(self, d: dict) -> None:
        self.resumes.append(d)
        if d.get("token") != self.token or d.get("session_id") != self.session_id:
            await self._send({"op": 9, "d": False, "s": None, "t": None})
            return
        await self._flush_pending(after=d.get("seq") or 0)
        self.seq += 1
        await self._send({"op": 0, "t": "RESUMED", "s": self.seq, "d": {}})
        self._live = True

    async def _flush_pending(self, after: int = 0) -> None:
        pending, self.pending = self.pending, []
        for p in pending:
            if p["s"] > after:
                await self._send(p)

    async def drop(self) -> None:
        """Abort the gateway TCP connection, as a network failure would."""
        self._live = False
        transport = getattr(self, "_transport", None)
        if transport is not None:
            transport.abort()
        await self._notify()

    async def dispatch(self, event: str, data: dict) -> int:
        """Send a DISPATCH event now, or queue it (to be replayed on RESUME) when disconnected."""
        self.seq += 1
        payload = {"op": 0, "t": event, "s": self.seq, "d": data}
        if self._live and self._ws is not None and not self._ws.closed:
            await self._send(payload)
        else:
            self.pending.append(payload)
        return self.seq

    # ------------------------------------------------------------------ payloads

    def member(self, user: dict) -> dict:
        return {"user": user, "roles": [], "joined_at": EPOCH, "deaf": False, "mute": False,
                "flags": 0, "nick": None, "avatar": None, "pending": False,
                "permissions": str((1 << 41) - 1)}

    def channel_payload(self) -> dict:
        return {"id": str(self.channel_id), "type": 0, "guild_id": str(self.guild_id),
                "name": "general", "position": 0, "permission_overwrites": [], "nsfw": False,
                "parent_id": None, "topic": None, "rate_limit_per_user": 0,
                "last_message_id": None, "flags": 0}

    def everyone_role(self) -> dict:
        return {"id": str(self.guild_id), "name": "@everyone",
                "permissions": str(self.role_permissions), "position": 0, "color": 0,
                "hoist": False, "managed": False, "mentionable": False, "flags": 0, "icon": None,
                "unicode_emoji": None}

    async def update_role(self) -> None:
        """Tell the bot the @everyone role now has `role_permissions` (GUILD_ROLE_UPDATE)."""
        await self.dispatch("GUILD_ROLE_UPDATE", {"guild_id": str(self.guild_id),
                                                  "role": self.everyone_role()})

    def guild_payload(self) -> dict:
        gid = str(self.guild_id)
        return {
            "id": gid, "name": "Loopback", "icon": None, "splash": None, "discovery_splash": None,
            "owner_id": self.asker["id"], "afk_channel_id": None, "afk_timeout": 300,
            "verification_level": 0, "default_message_notifications": 0,
            "explicit_content_filter": 0, "mfa_level": 0, "application_id": None,
            "system_channel_id": None, "system_channel_flags": 0, "rules_channel_id": None,
            "vanity_url_code": None, "description": None, "banner": None, "premium_tier": 0,
            "preferred_locale": "en-US", "public_updates_channel_id": None, "nsfw_level": 0,
            "premium_progress_bar_enabled": False, "features": [], "emojis": [], "stickers": [],
            "roles": [self.everyone_role()],
            "channels": [self.channel_payload()], "threads": [],
            "members": [self.member(self.bot_user)],
            "member_count": 3, "large": False, "unavailable": False, "joined_at": EPOCH,
            "voice_states": [], "presences": [], "stage_instances": [],
            "guild_scheduled_events": [], "soundboard_sounds": [],
        }

    def thread_payload(self) -> dict:
        """An existing public thread under the channel, for asking from inside a thread."""
        return dict(self.channel_payload(), id=str(self.thread_id), type=11,
                    parent_id=str(self.channel_id), owner_id=self.asker["id"], name="a thread",
                    message_count=1, member_count=1,
                    thread_metadata={"archived": False, "locked": False,
                                     "auto_archive_duration": 1440, "archive_timestamp": EPOCH})

    def _interaction(self, type_: int, data: dict, user: dict, message: dict | None = None,
                     *, age: float = 0.0, expired: bool = False) -> dict:
        iid = str(self.snowflake(age))
        channel = self.thread_payload() if self.in_thread else self.channel_payload()
        payload = {
            "id": iid, "application_id": str(self.app_id), "type": type_, "data": data,
            "guild_id": str(self.guild_id), "guild": {"id": str(self.guild_id), "locale": "en-US",
                                                       "features": []},
            "channel_id": channel["id"], "channel": channel,
            "member": self.member(user), "token": f"itoken-{iid}", "version": 1,
            "app_permissions": str(self.app_permissions), "locale": "en-US",
            "guild_locale": "en-US",
            "entitlements": [], "authorizing_integration_owners": {"0": str(self.guild_id)},
            "context": 0, "attachment_size_limit": 8 * 1024 * 1024,
        }
        if message is not None:
            payload["message"] = self._public(message)
        self._interactions[iid] = payload
        if expired:
            payload = dict(payload)
            self._interactions[iid]["_expired"] = True
        return payload

    async def slash(self, name: str, user: dict | None = None, *, age: float = 0.0,
                    expired: bool = False, **options: Any) -> str:
        """A user runs /name option=value ...; returns the interaction id. `age`: created that
        many seconds ago; `expired`: its token no longer works (404 Unknown interaction)."""
        cmd = self.commands.get(name, {"id": str(self.snowflake()), "name": name})
        types = {str: 3, int: 4, bool: 5}
        opts = [{"name": k, "type": types[type(v)], "value": v} for k, v in options.items()]
        inter = self._interaction(2, {"id": cmd["id"], "name": name, "type": 1, "options": opts,
                                      "guild_id": str(self.guild_id)}, user or self.asker,
                                  age=age, expired=expired)
        await self.dispatch("INTERACTION_CREATE", inter)
        return inter["id"]

    async def autocomplete(self, name: str, focused: str, value: str, **others: Any) -> str:
        cmd = self.commands.get(name, {"id": str(self.snowflake()), "name": name})
        opts = [{"name": k, "type": 3, "value": v} for k, v in others.items()]
        opts.append({"name": focused, "type": 3, "value": value, "focused": True})
        inter = self._interaction(4, {"id": cmd["id"], "name": name, "type": 1, "options": opts},
                                  self.asker)
        await self.dispatch("INTERACTION_CREATE", inter)
        return inter["id"]

    async def press(self, message_id: str, custom_id: str, user: dict | None = None, *,
                    values: list[str] | None = None) -> str:
        """A user presses a button (or, with `values`, picks from a select menu)."""
        msg = self.messages[message_id]
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": 2}
        if values is not None:
            data.update(component_type=3, values=values)
        inter = self._interaction(3, data, user or self.asker, message=msg)
        await self.dispatch("INTERACTION_CREATE", inter)
        return inter["id"]

    async def message_command(self, name: str, target: dict, user: dict | None = None) -> str:
        """A user picks Apps -> `name` on the message `target` (a MESSAGE_CREATE payload)."""
        cmd = self.commands.get(name, {"id": str(self.snowflake()), "name": name})
        data = {"id": cmd["id"], "name": name, "type": 3, "target_id": target["id"],
                "resolved": {"messages": {target["id"]: target}}}
        inter = self._interaction(2, data, user or self.asker)
        await self.dispatch("INTERACTION_CREATE", inter)
        return inter["id"]

    def user_message(self, content: str, user: dict | None = None) -> dict:
        """A message some user posted in the channel (not dispatched), e.g. a menu's target."""
        user = user or self.other
        return {"id": str(self.snowflake()), "channel_id": str(self.channel_id),
                "guild_id": str(self.guild_id), "author": user, "content": content,
                "timestamp": EPOCH, "edited_timestamp": None, "tts": False,
                "mention_everyone": False, "mentions": [], "mention_roles": [],
                "attachments": [], "embeds": [], "pinned": False, "type": 0, "flags": 0,
                "components": []}

    async def say(self, content: str, user: dict | None = None, *, mention_bot: bool = True) -> str:
        """A user posts a message in the channel (mentioning the bot by default)."""
        user = user or self.asker
        mid = str(self.snowflake())
        mentions = [dict(self.bot_user, member=self.member(self.bot_user)
                         )] if mention_bot else []
        await self.dispatch("MESSAGE_CREATE", {
            "id": mid, "channel_id": str(self.channel_id), "guild_id": str(self.guild_id),
            "author": user, "member": {k: v for k, v in self.member(user).items() if k != "user"},
            "content": content, "timestamp": EPOCH, "edited_timestamp": None, "tts": False,
            "mention_everyone": False, "mentions": mentions, "mention_roles": [],
            "attachments": [], "embeds": [], "pinned": False, "type": 0, "flags": 0,
            "components": [], "nonce": None})
        return mid

    # ------------------------------------------------------------------ queries

    def callback_for(self, iid: str) -> dict | None:
        return next((c for c in self.callbacks if c["_interaction_id"] == iid), None)

    def replies_to(self, message_id: str) -> list[dict]:
        return [m for m in self.messages.values()
                if str((m.get("_message_reference") or {}).get("message_id")) == str(message_id)]
