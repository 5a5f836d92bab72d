//! What goes over the room's HTTP API, as JSON. The phone page's TypeScript types are
//! generated from these (see `tests/phone_types.rs`), so both sides change together.

use lodestar_core::canvas::Nature;
use lodestar_core::room::RoomMember;
use lodestar_core::votes::BallotInput;
use serde::{Deserialize, Serialize};
use specta::Type;

/// `POST /api/join`: the secret from the join link, or the short code typed from the screen.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct JoinRequest {
    #[serde(default)]
    pub join_token: Option<String>,
    #[serde(default)]
    pub join_code: Option<String>,
}

/// The answer to a join: this device's token (also set as a cookie) and who can be chosen.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Joined {
    pub device_token: String,
    pub welcome: Welcome,
}

/// `GET /api/welcome`: the room before a person is chosen.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Welcome {
    pub workshop_title: String,
    pub people: Vec<RoomPerson>,
    pub guests_allowed: bool,
    /// Who this device is, once chosen.
    pub you: Option<RoomMember>,
}

/// Someone a phone can join as.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RoomPerson {
    pub id: String,
    pub name: String,
    pub role: String,
    /// Another device has joined as this person.
    pub taken: bool,
}

/// `POST /api/claim`: I am this stakeholder, or a guest of this name.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClaimRequest {
    #[serde(default)]
    pub person_id: Option<String>,
    #[serde(default)]
    pub guest_name: Option<String>,
}

/// `PUT /api/ballot`: this person's ballot on the shown vote.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BallotRequest {
    pub vote_id: String,
    pub ballot: BallotInput,
}

/// `POST /api/ideas`: a candidate North Star metric.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IdeaRequest {
    pub text: String,
    #[serde(default)]
    pub nature: Option<Nature>,
}

/// Sent on the event stream when this device can no longer take part.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Ended {
    pub code: lodestar_core::RefusalCode,
    pub message: String,
}
