//! The real room server on 127.0.0.1, spoken to over HTTP as a phone (or a stranger) would.
//! Every test binds to and calls loopback addresses only.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use lodestar_application::Lodestar;
use lodestar_core::records::Vote;
use lodestar_core::votes::{Allocation, BallotInput, VoteMethod, VoteRules, VoteSubject};
use lodestar_core::{HistoryScope, Step};
use lodestar_room::{RateLimits, RoomOptions, RoomServer};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

struct Room {
    app: Arc<Lodestar>,
    server: RoomServer,
    base: String,
    workshop: String,
    http: reqwest::Client,
    _dir: tempfile::TempDir,
}

async fn open_room(limits: RateLimits) -> Room {
    let dir = tempfile::tempdir().unwrap();
    let app = Arc::new(Lodestar::open(Some(dir.path().to_path_buf())));
    let workshop = app.open_example().unwrap().id;
    app.set_current_step(&workshop, Step::Vote).unwrap();
    let options = RoomOptions {
        limits,
        ..RoomOptions::new(workshop.clone(), "127.0.0.1:0".parse().unwrap())
    };
    let server = RoomServer::open(app.clone(), options, || {}).await.unwrap();
    let base = format!("http://{}", server.local_addr());
    Room {
        app,
        server,
        base,
        workshop,
        http: reqwest::Client::new(),
        _dir: dir,
    }
}

async fn room() -> Room {
    open_room(RateLimits {
        per_second: NonZeroU32::new(1000).unwrap(),
        burst: NonZeroU32::new(1000).unwrap(),
        joins_per_minute: NonZeroU32::new(1000).unwrap(),
    })
    .await
}

struct Answer {
    status: StatusCode,
    headers: reqwest::header::HeaderMap,
    body: Value,
}

impl Answer {
    fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or("")
    }
}

impl Room {
    fn join_secret(&self) -> String {
        let url = self.server.join_url();
        url.split("#join=").nth(1).unwrap().to_string()
    }

    /// A request as the room's own page sends it (its Origin on writes).
    async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Answer {
        let mut request = self
            .http
            .request(method.clone(), format!("{}{path}", self.base));
        if method != Method::GET {
            request = request.header("origin", &self.base);
        }
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        answer(request.send().await.unwrap()).await
    }

    /// A ballot on `vote_id` from the device holding `token`.
    async fn cast(&self, token: &str, vote_id: &str, ballot: Value) -> Answer {
        let body = json!({"voteId": vote_id, "ballot": ballot});
        self.call(Method::PUT, "/api/ballot", Some(token), Some(body))
            .await
    }

    async fn join(&self) -> String {
        let joined = self
            .call(
                Method::POST,
                "/api/join",
                None,
                Some(json!({"joinToken": self.join_secret()})),
            )
            .await;
        assert_eq!(joined.status, StatusCode::OK, "{}", joined.body);
        joined.body["deviceToken"].as_str().unwrap().to_string()
    }

    /// A device that joined as the stakeholder at `index` of the workshop.
    async fn person(&self, index: usize) -> (String, String) {
        let token = self.join().await;
        let people = self.app.room_people(&self.workshop).unwrap();
        let id = people[index].id.clone();
        let claimed = self
            .call(
                Method::POST,
                "/api/claim",
                Some(&token),
                Some(json!({"personId": id})),
            )
            .await;
        assert_eq!(claimed.status, StatusCode::OK, "{}", claimed.body);
        (token, id)
    }

    /// A fresh anonymous dot vote (3 dots, at most 2 on one need) on the example's needs.
    fn open_vote(&self) -> Vote {
        let options: Vec<String> = self
            .app
            .workshop_data(&self.workshop)
            .unwrap()
            .needs
            .iter()
            .filter(|n| n.eligible)
            .map(|n| n.id.clone())
            .collect();
        let rules = VoteRules {
            method: VoteMethod::Dot {
                dots_per_voter: 3,
                max_per_option: 2,
            },
            anonymous: true,
            hidden_until_revealed: true,
        };
        self.app
            .create_vote(&self.workshop, VoteSubject::FocusNeed, &rules, &options)
            .unwrap()
    }
}

async fn answer(response: reqwest::Response) -> Answer {
    let status = response.status();
    let headers = response.headers().clone();
    let text = response.text().await.unwrap();
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    Answer {
        status,
        headers,
        body,
    }
}

fn dots(allocations: &[(&str, u32)]) -> Value {
    let ballot = BallotInput::Dot {
        allocations: allocations
            .iter()
            .map(|(id, amount)| Allocation {
                option_id: id.to_string(),
                amount: *amount,
            })
            .collect(),
    };
    serde_json::to_value(ballot).unwrap()
}

#[tokio::test]
async fn a_phone_joins_by_the_link_or_the_code_and_a_wrong_one_is_refused() {
    let room = room().await;
    let token = room.join().await;
    let welcome = room
        .call(Method::GET, "/api/welcome", Some(&token), None)
        .await;
    assert_eq!(welcome.status, StatusCode::OK);
    assert_eq!(welcome.body["people"].as_array().unwrap().len(), 6);
    assert!(welcome.body["you"].is_null());

    let code = room.server.status().join_code.to_lowercase();
    let by_code = room
        .call(
            Method::POST,
            "/api/join",
            None,
            Some(json!({"joinCode": code})),
        )
        .await;
    assert_eq!(by_code.status, StatusCode::OK);

    let wrong = room
        .call(
            Method::POST,
            "/api/join",
            None,
            Some(json!({"joinToken": "0".repeat(32)})),
        )
        .await;
    assert_eq!(
        (wrong.status, wrong.code()),
        (StatusCode::UNAUTHORIZED, "joinLinkInvalid")
    );
    let forged = room
        .call(Method::GET, "/api/welcome", Some("f00d"), None)
        .await;
    assert_eq!(
        (forged.status, forged.code()),
        (StatusCode::UNAUTHORIZED, "deviceUnknown")
    );
    let none = room.call(Method::GET, "/api/view", None, None).await;
    assert_eq!(none.code(), "deviceUnknown");
}

#[tokio::test]
async fn the_device_cookie_is_http_only_and_strict_and_works_in_place_of_the_header() {
    let room = room().await;
    let joined = room
        .call(
            Method::POST,
            "/api/join",
            None,
            Some(json!({"joinToken": room.join_secret()})),
        )
        .await;
    let cookie = joined.headers["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().unwrap();
    let welcome = room
        .http
        .get(format!("{}/api/welcome", room.base))
        .header("cookie", pair)
        .send()
        .await
        .unwrap();
    assert_eq!(welcome.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_renewed_code_ends_old_links_and_a_closed_room_ends_every_token() {
    let room = room().await;
    let old_secret = room.join_secret();
    let token = room.join().await;
    room.server.renew_join_code().unwrap();
    let old = room
        .call(
            Method::POST,
            "/api/join",
            None,
            Some(json!({"joinToken": old_secret})),
        )
        .await;
    assert_eq!(old.code(), "joinLinkInvalid");
    let still_in = room
        .call(Method::GET, "/api/welcome", Some(&token), None)
        .await;
    assert_eq!(still_in.status, StatusCode::OK, "phones already in stay in");

    let Room {
        app,
        server,
        workshop,
        http,
        _dir,
        ..
    } = room;
    let address = server.local_addr();
    server.close().await;
    let gone = http
        .get(format!("http://{address}/api/welcome"))
        .send()
        .await;
    assert!(gone.is_err(), "nothing listens once the room is closed");

    let reopened = RoomServer::open(
        app,
        RoomOptions::new(workshop, "127.0.0.1:0".parse().unwrap()),
        || {},
    )
    .await
    .unwrap();
    let answer = answer(
        http.get(format!("http://{}/api/welcome", reopened.local_addr()))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(answer.code(), "deviceUnknown", "a token ends with its room");
}

#[tokio::test]
async fn a_wrong_host_or_origin_is_refused() {
    let room = room().await;
    let token = room.join().await;
    let url = format!("{}/api/welcome", room.base);
    let rebound = room
        .http
        .get(&url)
        .header("host", "attacker.example:47820")
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    let rebound = answer(rebound).await;
    assert_eq!(
        (rebound.status, rebound.code()),
        (StatusCode::FORBIDDEN, "requestRefused")
    );

    let claim = format!("{}/api/claim", room.base);
    let body = json!({"guestName": "Eve"});
    let no_origin = room
        .http
        .post(&claim)
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(answer(no_origin).await.code(), "requestRefused");
    let foreign = room
        .http
        .post(&claim)
        .header("origin", "http://attacker.example")
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(answer(foreign).await.code(), "requestRefused");
    let stream = room
        .http
        .get(format!("{}/api/events", room.base))
        .header("origin", "http://attacker.example")
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(answer(stream).await.code(), "requestRefused");
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let room = room().await;
    for path in ["/", "/api/welcome", "/no-such-thing"] {
        let answer = room.call(Method::GET, path, None, None).await;
        let csp = answer.headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"));
        assert_eq!(answer.headers["x-content-type-options"], "nosniff");
        assert_eq!(answer.headers["x-frame-options"], "DENY");
        assert_eq!(answer.headers["referrer-policy"], "no-referrer");
    }
}

#[tokio::test]
async fn an_over_budget_ballot_is_refused_with_its_message_and_nothing_is_written() {
    let room = room().await;
    let vote = room.open_vote();
    let (token, _) = room.person(0).await;
    let over = dots(&[(&vote.options[0], 2), (&vote.options[1], 2)]);
    let refused = room.cast(&token, &vote.id, over).await;
    assert_eq!(refused.code(), "overBudget", "{}", refused.body);
    assert!(refused.body["message"].as_str().unwrap().contains('3'));
    let data = room.app.workshop_data(&room.workshop).unwrap();
    let stored = data.votes.iter().find(|v| v.id == vote.id).unwrap();
    assert!(stored.voters.is_empty(), "nothing was written");
    let view = room
        .call(Method::GET, "/api/view", Some(&token), None)
        .await;
    assert!(view.body["vote"]["yourBallot"].is_null());
}

#[tokio::test]
async fn a_second_ballot_replaces_the_first_and_the_tally_counts_it_once() {
    let room = room().await;
    let vote = room.open_vote();
    let (token, _) = room.person(0).await;
    for ballot in [
        dots(&[(&vote.options[0], 2)]),
        dots(&[(&vote.options[1], 1)]),
    ] {
        let cast = room.cast(&token, &vote.id, ballot).await;
        assert_eq!(cast.status, StatusCode::OK, "{}", cast.body);
    }
    let view = room
        .call(Method::GET, "/api/view", Some(&token), None)
        .await;
    assert_eq!(
        view.body["vote"]["yourBallot"],
        dots(&[(&vote.options[1], 1)])
    );
    assert_eq!(view.body["vote"]["voted"], 1);
    assert!(
        view.body["vote"]["results"].is_null(),
        "no results before the reveal"
    );
    room.app.close_vote(&room.workshop, &vote.id).unwrap();
    room.app.reveal_vote(&room.workshop, &vote.id).unwrap();
    let view = room
        .call(Method::GET, "/api/view", Some(&token), None)
        .await;
    let results = &view.body["vote"]["results"];
    assert_eq!(results["ballotsCounted"], 1);
    assert_eq!(results["rows"][0]["optionId"], json!(vote.options[1]));
}

#[tokio::test]
async fn a_phone_acts_only_as_its_own_person() {
    let room = room().await;
    let vote = room.open_vote();
    let (token, me) = room.person(0).await;
    let other = room.app.room_people(&room.workshop).unwrap()[1].id.clone();
    // The ballot names no voter: a field to name one is refused, not read.
    let forged = room
        .call(
            Method::PUT,
            "/api/ballot",
            Some(&token),
            Some(json!({"voteId": vote.id, "voterId": other, "ballot": dots(&[(&vote.options[0], 1)])})),
        )
        .await;
    assert_eq!(forged.code(), "malformedRequest", "{}", forged.body);
    // Another phone cannot take my name, and mine cannot become someone else.
    let second = room.join().await;
    let taken = room
        .call(
            Method::POST,
            "/api/claim",
            Some(&second),
            Some(json!({"personId": me})),
        )
        .await;
    assert_eq!(
        (taken.status, taken.code()),
        (StatusCode::CONFLICT, "personTaken")
    );
    let switch = room
        .call(
            Method::POST,
            "/api/claim",
            Some(&token),
            Some(json!({"personId": other})),
        )
        .await;
    assert_eq!(switch.code(), "alreadyExists");
    // A vote of another workshop is out of reach.
    let elsewhere = room.app.open_example().unwrap();
    let foreign_vote = room.app.workshop_data(&elsewhere.id).unwrap().votes[0]
        .id
        .clone();
    let outside = room.cast(&token, &foreign_vote, dots(&[("x", 1)])).await;
    assert_eq!(outside.code(), "notFound");
}

#[tokio::test]
async fn anonymous_ballots_are_never_readable_from_a_phone() {
    let room = room().await;
    let vote = room.open_vote();
    let (ana, _) = room.person(0).await;
    let (ben, ben_id) = room.person(1).await;
    for (token, option) in [(&ana, 0), (&ben, 1)] {
        room.cast(token, &vote.id, dots(&[(&vote.options[option], 1)]))
            .await;
    }
    room.app.close_vote(&room.workshop, &vote.id).unwrap();
    room.app.reveal_vote(&room.workshop, &vote.id).unwrap();
    let view = room.call(Method::GET, "/api/view", Some(&ana), None).await;
    assert_eq!(view.status, StatusCode::OK);
    let text = view.body.to_string();
    assert!(!text.contains(&ben_id), "Ben's id is nowhere in Ana's view");
    assert!(!text.contains("ballots\""), "no ballots, only the tally");
    assert_eq!(view.body["vote"]["results"]["ballotsCounted"], 2);
    assert_eq!(
        view.body["vote"]["yourBallot"],
        dots(&[(&vote.options[0], 1)]),
        "Ana sees her own ballot only"
    );
}

#[tokio::test]
async fn bodies_over_the_cap_and_requests_over_the_rate_are_refused() {
    let limits = RateLimits {
        per_second: NonZeroU32::new(1).unwrap(),
        burst: NonZeroU32::new(5).unwrap(),
        joins_per_minute: NonZeroU32::new(3).unwrap(),
    };
    let room = open_room(limits).await;
    let huge = json!({"joinToken": "x".repeat(lodestar_room::MAX_BODY_BYTES + 1)});
    let too_large = room.call(Method::POST, "/api/join", None, Some(huge)).await;
    assert_eq!(
        (too_large.status, too_large.code()),
        (StatusCode::PAYLOAD_TOO_LARGE, "requestTooLarge")
    );
    // Joins are limited more tightly than other requests: a code cannot be guessed.
    let mut codes = Vec::new();
    for _ in 0..4 {
        let guess = room
            .call(
                Method::POST,
                "/api/join",
                None,
                Some(json!({"joinCode": "AAAAAA"})),
            )
            .await;
        codes.push(guess.code().to_string());
    }
    assert_eq!(codes[3], "tooManyRequests", "{codes:?}");
    let mut last = StatusCode::OK;
    for _ in 0..10 {
        last = room.call(Method::GET, "/api/ping", None, None).await.status;
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn an_idea_lands_in_the_rooms_frame_as_one_undoable_action() {
    let room = room().await;
    let (token, me) = room.person(0).await;
    let early = room
        .call(
            Method::POST,
            "/api/ideas",
            Some(&token),
            Some(json!({"text": "Repeat orders"})),
        )
        .await;
    assert_eq!(early.code(), "notThisStep");
    room.app
        .set_current_step(&room.workshop, Step::Canvas)
        .unwrap();
    let sent = room
        .call(
            Method::POST,
            "/api/ideas",
            Some(&token),
            Some(json!({"text": "  Weekly repeat orders ", "nature": "outcome"})),
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.body);
    assert!(sent.body["yourIdeas"]
        .as_array()
        .unwrap()
        .contains(&json!("Weekly repeat orders")));
    let scene = room.app.workshop_data(&room.workshop).unwrap().canvas;
    let frame = scene.room_frame().unwrap();
    let idea = scene
        .items
        .iter()
        .find(|i| i.text == "Weekly repeat orders")
        .unwrap();
    assert_eq!(idea.parent_frame.as_deref(), Some(frame.id.as_str()));
    assert_eq!(idea.author_id.as_deref(), Some(me.as_str()));

    let undone = room
        .app
        .undo(&HistoryScope::workshop(&room.workshop))
        .unwrap();
    assert!(
        undone.label.contains("idea from the room"),
        "{}",
        undone.label
    );
    let scene = room.app.workshop_data(&room.workshop).unwrap().canvas;
    assert!(scene.items.iter().all(|i| i.text != "Weekly repeat orders"));
}

#[tokio::test]
async fn guests_join_only_when_allowed_and_do_not_vote() {
    let room = room().await;
    let vote = room.open_vote();
    let token = room.join().await;
    let refused = room
        .call(
            Method::POST,
            "/api/claim",
            Some(&token),
            Some(json!({"guestName": "Zoe"})),
        )
        .await;
    assert_eq!(refused.code(), "guestsNotAllowed");
    room.server.set_guests_allowed(true);
    let welcome = room
        .call(
            Method::POST,
            "/api/claim",
            Some(&token),
            Some(json!({"guestName": "Zoe"})),
        )
        .await;
    assert_eq!(welcome.body["you"]["name"], "Zoe");
    let ballot = room
        .cast(&token, &vote.id, dots(&[(&vote.options[0], 1)]))
        .await;
    assert_eq!(ballot.code(), "notAVoter");
    let view = room
        .call(Method::GET, "/api/view", Some(&token), None)
        .await;
    assert_eq!(view.body["vote"]["canVote"], false);
}

/// Reads server-sent events until one named `name` arrives; returns its data.
async fn next_event(stream: &mut reqwest::Response, buffer: &mut String, name: &str) -> Value {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    loop {
        while let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            let event = block.lines().find_map(|l| l.strip_prefix("event: "));
            let data = block.lines().find_map(|l| l.strip_prefix("data: "));
            if event == Some(name) {
                return serde_json::from_str(data.unwrap_or("null")).unwrap();
            }
        }
        let chunk = tokio::time::timeout_at(deadline, stream.chunk())
            .await
            .expect("an event within 5 s")
            .unwrap()
            .expect("the stream stays open");
        buffer.push_str(&String::from_utf8_lossy(&chunk));
    }
}

#[tokio::test]
async fn the_event_stream_sends_the_view_after_every_change_and_says_when_the_phone_is_removed() {
    let room = room().await;
    let (token, _) = room.person(0).await;
    let mut stream = room
        .http
        .get(format!("{}/api/events", room.base))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), StatusCode::OK);
    let mut buffer = String::new();
    let first = next_event(&mut stream, &mut buffer, "view").await;
    assert_eq!(
        first["you"]["name"],
        json!(
            room.app.room_people(&room.workshop).unwrap()[0]
                .details
                .name
        )
    );
    assert!(room.server.status().devices[0].connected);

    // A change on the laptop reaches the phone.
    let vote = room.open_vote();
    assert_ne!(first["vote"]["id"], json!(vote.id));
    let changed = next_event(&mut stream, &mut buffer, "view").await;
    assert_eq!(changed["vote"]["id"], json!(vote.id));
    assert_eq!(changed["vote"]["status"], "open");

    let device = room.server.status().devices[0].id.clone();
    room.server.remove_device(&device).unwrap();
    let ended = next_event(&mut stream, &mut buffer, "ended").await;
    assert_eq!(ended["code"], "deviceUnknown");
}
