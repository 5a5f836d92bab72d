//! The room's API: thin handlers over the application layer. Each works out which device is
//! asking (its token from the `Authorization` header or the cookie), acts as that device's
//! person only, and answers with what that person may see.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::Json;
use futures_util::stream::{self, Stream};
use lodestar_core::canvas::RoomIdea;
use lodestar_core::room::{PhoneView, RoomMember};
use lodestar_core::{Refusal, RefusalCode};
use tokio::sync::broadcast::error::{RecvError, TryRecvError};
use tokio::sync::broadcast::Receiver;

use crate::assets;
use crate::error::{refuse, ApiError};
use crate::room::JoinProof;
use crate::state::{Shared, Signal};
use crate::wire::{
    BallotRequest, ClaimRequest, Ended, IdeaRequest, JoinRequest, Joined, RoomPerson, Welcome,
};

/// The cookie that carries the device token for the event stream.
pub const DEVICE_COOKIE: &str = "lodestar_device";

type Answer<T> = Result<Json<T>, ApiError>;

/// Runs a use case off the async threads: the store does file I/O under its lock.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Refusal> + Send + 'static,
) -> Result<T, ApiError> {
    match tokio::task::spawn_blocking(work).await {
        Ok(result) => result.map_err(ApiError),
        Err(_) => Err(ApiError(Refusal::general(
            RefusalCode::Internal,
            "the room hit an internal error; nothing was changed",
        ))),
    }
}

/// A JSON body, refused with a refusal the page understands when it does not parse.
pub struct Body<T>(T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> axum::extract::FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Self, ApiError> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(Body(value)),
            Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(ApiError(Refusal::general(
                    RefusalCode::RequestTooLarge,
                    "this request is larger than the room accepts",
                )))
            }
            Err(rejection) => Err(ApiError(Refusal::general(
                RefusalCode::MalformedRequest,
                format!("the request could not be read: {}", rejection.body_text()),
            ))),
        }
    }
}

/// The device making the request.
pub struct Caller {
    token: String,
    id: String,
    member: Option<RoomMember>,
}

fn token_of(parts: &Parts) -> Option<String> {
    let bearer = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    if let Some(token) = bearer.filter(|t| !t.is_empty()) {
        return Some(token.to_string());
    }
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == DEVICE_COOKIE)
        .map(|(_, value)| value.to_string())
}

impl FromRequestParts<Arc<Shared>> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, shared: &Arc<Shared>) -> Result<Self, ApiError> {
        let Some(token) = token_of(parts) else {
            return Err(ApiError(Refusal::general(
                RefusalCode::DeviceUnknown,
                "this phone has not joined the room: scan the code on the screen",
            )));
        };
        let (id, member) = shared.room().recognise(&token, Instant::now())?;
        Ok(Caller { token, id, member })
    }
}

impl Caller {
    fn member(&self) -> Result<&RoomMember, ApiError> {
        self.member.as_ref().ok_or_else(|| {
            ApiError(Refusal::general(
                RefusalCode::NoPersonChosen,
                "choose who you are first",
            ))
        })
    }
}

pub async fn page() -> Response {
    assets::serve("index.html")
}

pub async fn asset(Path(file): Path<String>) -> Response {
    assets::serve(&format!("assets/{file}"))
}

pub async fn ping() -> &'static str {
    "lodestar room"
}

pub async fn not_found() -> Response {
    refuse(RefusalCode::NotFound, "there is nothing here")
}

async fn welcome_for(shared: &Arc<Shared>, you: Option<RoomMember>) -> Result<Welcome, ApiError> {
    let app = shared.app.clone();
    let id = shared.workshop_id.clone();
    let (workshop, people) =
        blocking(move || Ok((app.workshop(&id)?, app.room_people(&id)?))).await?;
    let room = shared.room();
    Ok(Welcome {
        workshop_title: workshop.title,
        people: people
            .into_iter()
            .map(|p| RoomPerson {
                taken: room.is_taken(&p.id),
                id: p.id,
                name: p.details.name,
                role: p.details.role,
            })
            .collect(),
        guests_allowed: room.guests_allowed(),
        you,
    })
}

pub async fn join(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Body(request): Body<JoinRequest>,
) -> Result<Response, ApiError> {
    if !shared.limiters.allow_join(peer.ip()) {
        return Err(ApiError(Refusal::general(
            RefusalCode::TooManyRequests,
            "too many tries to join from this phone: wait a minute and try again",
        )));
    }
    let token = {
        let mut room = shared.room();
        let proof = match (&request.join_token, &request.join_code) {
            (Some(secret), _) => JoinProof::Link(secret),
            (None, Some(code)) => JoinProof::Code(code),
            (None, None) => JoinProof::Code(""),
        };
        room.join(proof, Instant::now())?
    };
    shared.roster_changed();
    let welcome = welcome_for(&shared, None).await?;
    // HttpOnly: page scripts never read it; Strict: no other site's page can send it.
    let cookie = format!("{DEVICE_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict");
    let mut response = Json(Joined {
        device_token: token,
        welcome,
    })
    .into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    Ok(response)
}

pub async fn welcome(State(shared): State<Arc<Shared>>, caller: Caller) -> Answer<Welcome> {
    Ok(Json(welcome_for(&shared, caller.member).await?))
}

pub async fn claim(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    Body(request): Body<ClaimRequest>,
) -> Answer<Welcome> {
    let member = match (&request.person_id, &request.guest_name) {
        (Some(person_id), _) => {
            let app = shared.app.clone();
            let id = shared.workshop_id.clone();
            let people = blocking(move || app.room_people(&id)).await?;
            let Some(person) = people.iter().find(|p| &p.id == person_id) else {
                return Err(ApiError(Refusal::new(
                    RefusalCode::UnknownReference,
                    "personId",
                    "this person is not in the workshop any more: choose again",
                )));
            };
            shared.room().claim_person(&caller.token, person)?
        }
        (None, Some(name)) => shared.room().claim_guest(&caller.token, name)?,
        (None, None) => {
            return Err(ApiError(Refusal::new(
                RefusalCode::Empty,
                "personId",
                "choose who you are, or join as a guest",
            )))
        }
    };
    shared.roster_changed();
    Ok(Json(welcome_for(&shared, Some(member)).await?))
}

async fn view_of(shared: &Arc<Shared>, member: RoomMember) -> Result<PhoneView, ApiError> {
    let app = shared.app.clone();
    let id = shared.workshop_id.clone();
    blocking(move || app.phone_view(&id, &member)).await
}

pub async fn view(State(shared): State<Arc<Shared>>, caller: Caller) -> Answer<PhoneView> {
    let member = caller.member()?.clone();
    Ok(Json(view_of(&shared, member).await?))
}

pub async fn ballot(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    Body(request): Body<BallotRequest>,
) -> Answer<PhoneView> {
    let member = caller.member()?.clone();
    let Some(person) = member.person_id.clone() else {
        return Err(ApiError(Refusal::general(
            RefusalCode::NotAVoter,
            "guests follow along; only the workshop's stakeholders vote",
        )));
    };
    let app = shared.app.clone();
    let id = shared.workshop_id.clone();
    blocking(move || app.cast_room_ballot(&id, &person, &request.vote_id, &request.ballot)).await?;
    Ok(Json(view_of(&shared, member).await?))
}

pub async fn idea(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
    Body(request): Body<IdeaRequest>,
) -> Answer<PhoneView> {
    let member = caller.member()?.clone();
    let idea = RoomIdea {
        text: request.text,
        author_id: member.person_id.clone(),
        nature: request.nature,
    };
    let app = shared.app.clone();
    let id = shared.workshop_id.clone();
    blocking(move || app.send_room_idea(&id, &idea)).await?;
    Ok(Json(view_of(&shared, member).await?))
}

/// One phone's event stream: its view now, then again after every change, until the device
/// leaves the room or the room closes.
struct PhoneStream {
    shared: Arc<Shared>,
    signals: Receiver<Signal>,
    device_id: String,
    member: RoomMember,
    first: bool,
    done: bool,
}

impl Drop for PhoneStream {
    fn drop(&mut self) {
        self.shared.room().stream_closed(&self.device_id);
        self.shared.roster_changed();
    }
}

fn ended(code: RefusalCode, message: &str) -> Event {
    let body = Ended {
        code,
        message: message.to_string(),
    };
    Event::default()
        .event("ended")
        .data(serde_json::to_string(&body).unwrap_or_default())
}

/// Waits for the next signal and takes every other one already queued: one view for all.
/// Returns whether the workshop changed, or `None` once the room is closing.
async fn next_signals(signals: &mut Receiver<Signal>) -> Option<bool> {
    let mut workshop = false;
    let mut signal = signals.recv().await;
    loop {
        match signal {
            Ok(Signal::Closed) | Err(RecvError::Closed) => return None,
            Ok(Signal::Workshop) | Err(RecvError::Lagged(_)) => workshop = true,
            Ok(Signal::Roster) => {}
        }
        signal = match signals.try_recv() {
            Ok(next) => Ok(next),
            Err(TryRecvError::Lagged(n)) => Err(RecvError::Lagged(n)),
            Err(TryRecvError::Closed) => Err(RecvError::Closed),
            Err(TryRecvError::Empty) => return Some(workshop),
        };
    }
}

/// What the stream sends next, or `None` when it is over.
async fn next_event(mut stream: PhoneStream) -> Option<(Event, PhoneStream)> {
    if stream.done {
        return None;
    }
    loop {
        let workshop_changed = if stream.first {
            stream.first = false;
            true
        } else {
            match next_signals(&mut stream.signals).await {
                Some(changed) => changed,
                None => {
                    stream.done = true;
                    let event = ended(RefusalCode::RoomClosed, "the facilitator closed the room");
                    return Some((event, stream));
                }
            }
        };
        let holds = stream
            .shared
            .room()
            .still_holds(&stream.device_id, &Some(stream.member.clone()));
        match holds {
            None => {
                stream.done = true;
                let event = ended(
                    RefusalCode::DeviceUnknown,
                    "the facilitator removed this phone from the room: scan the code to join again",
                );
                return Some((event, stream));
            }
            Some(false) => {
                stream.done = true;
                let event = ended(
                    RefusalCode::NoPersonChosen,
                    "the facilitator released your name from this phone: choose who you are again",
                );
                return Some((event, stream));
            }
            // Someone else joined or left: nothing this phone shows changed.
            Some(true) if !workshop_changed => continue,
            Some(true) => {}
        }
        let event = match view_of(&stream.shared, stream.member.clone()).await {
            Ok(view) => Event::default()
                .event("view")
                .data(serde_json::to_string(&view).unwrap_or_default()),
            Err(ApiError(refusal)) if refusal.code == RefusalCode::NotFound => {
                stream.done = true;
                ended(RefusalCode::RoomClosed, "this workshop is no longer open")
            }
            // Anything else may pass (a busy disk): keep the phone's last view and its stream.
            Err(ApiError(refusal)) => Event::default().comment(refusal.message),
        };
        return Some((event, stream));
    }
}

pub async fn events(
    State(shared): State<Arc<Shared>>,
    caller: Caller,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    let member = caller.member()?.clone();
    let signals = shared.signals.subscribe();
    shared.room().stream_opened(&caller.id);
    shared.roster_changed();
    let state = PhoneStream {
        shared,
        signals,
        device_id: caller.id,
        member,
        first: true,
        done: false,
    };
    let events = stream::unfold(state, |s| async move {
        next_event(s).await.map(|(event, s)| (Ok(event), s))
    });
    Ok(Sse::new(events).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}
