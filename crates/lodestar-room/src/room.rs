//! Who is in the room: the join secret and code, the devices that joined, and the person each
//! one claimed. Plain state with its rules, kept in memory only: when the room closes every
//! token ends with it.

use std::time::Instant;

use lodestar_core::records::Stakeholder;
use lodestar_core::room::RoomMember;
use lodestar_core::{Refusal, RefusalCode};
use serde::Serialize;
use specta::Type;

use crate::tokens::{self, TokenHash};

/// The longest name a guest may give.
pub const MAX_GUEST_NAME_CHARS: usize = 60;
/// Most devices one room holds (a room of 5–20 people, with room for spares).
pub const MAX_DEVICES: usize = 200;

/// How a phone proves it may join.
pub enum JoinProof<'a> {
    /// The secret in the join link.
    Link(&'a str),
    /// The short code typed from the screen.
    Code(&'a str),
}

struct Device {
    id: String,
    token: TokenHash,
    member: Option<RoomMember>,
    last_seen: Instant,
    /// Open event streams: the phone is on the page now.
    streams: u32,
}

/// A joined device as the facilitator's screen lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DeviceInfo {
    pub id: String,
    pub member: Option<RoomMember>,
    /// The page is open on the device now.
    pub connected: bool,
    /// Seconds since the device last asked for anything.
    pub idle_seconds: u32,
}

pub struct Room {
    join_secret: TokenHash,
    join_secret_text: String,
    join_code: String,
    guests_allowed: bool,
    devices: Vec<Device>,
}

fn random_failed(_: getrandom::Error) -> Refusal {
    Refusal::general(
        RefusalCode::Internal,
        "the system's random source failed; the room cannot make safe links",
    )
}

fn device_unknown() -> Refusal {
    Refusal::general(
        RefusalCode::DeviceUnknown,
        "this phone is not in the room (it was removed, or the room was opened again): scan \
         the code on the screen to join",
    )
}

impl Room {
    pub fn new(guests_allowed: bool) -> Result<Room, Refusal> {
        let secret = tokens::random_hex(16).map_err(random_failed)?;
        Ok(Room {
            join_secret: tokens::hash(&secret),
            join_secret_text: secret,
            join_code: tokens::join_code().map_err(random_failed)?,
            guests_allowed,
            devices: Vec::new(),
        })
    }

    pub fn join_secret(&self) -> &str {
        &self.join_secret_text
    }

    pub fn join_code(&self) -> &str {
        &self.join_code
    }

    pub fn guests_allowed(&self) -> bool {
        self.guests_allowed
    }

    pub fn set_guests_allowed(&mut self, allowed: bool) {
        self.guests_allowed = allowed;
    }

    /// New link secret and code: old links and codes stop working; phones already in stay.
    pub fn renew(&mut self) -> Result<(), Refusal> {
        let secret = tokens::random_hex(16).map_err(random_failed)?;
        self.join_secret = tokens::hash(&secret);
        self.join_secret_text = secret;
        self.join_code = tokens::join_code().map_err(random_failed)?;
        Ok(())
    }

    /// Lets a device in: returns its token, which only the device ever holds.
    pub fn join(&mut self, proof: JoinProof<'_>, now: Instant) -> Result<String, Refusal> {
        let valid = match proof {
            JoinProof::Link(secret) => tokens::hash(secret.trim()) == self.join_secret,
            JoinProof::Code(typed) => {
                let typed = tokens::normalise_code(typed);
                tokens::hash(&typed) == tokens::hash(&self.join_code)
            }
        };
        if !valid {
            return Err(Refusal::general(
                RefusalCode::JoinLinkInvalid,
                "this join link or code is not (or no longer) valid: scan the code on the \
                 screen again, or type the code shown there",
            ));
        }
        if self.devices.len() >= MAX_DEVICES {
            return Err(Refusal::general(
                RefusalCode::TooMany,
                format!(
                    "the room is full ({MAX_DEVICES} devices): the facilitator can remove some"
                ),
            ));
        }
        let token = tokens::random_hex(32).map_err(random_failed)?;
        let id = tokens::random_hex(6).map_err(random_failed)?;
        self.devices.push(Device {
            id,
            token: tokens::hash(&token),
            member: None,
            last_seen: now,
            streams: 0,
        });
        Ok(token)
    }

    fn device_mut(&mut self, token: &str) -> Result<&mut Device, Refusal> {
        let hash = tokens::hash(token);
        self.devices
            .iter_mut()
            .find(|d| d.token == hash)
            .ok_or_else(device_unknown)
    }

    /// The device holding `token`, marked as seen now: its id and who it is, if chosen.
    pub fn recognise(
        &mut self,
        token: &str,
        now: Instant,
    ) -> Result<(String, Option<RoomMember>), Refusal> {
        let device = self.device_mut(token)?;
        device.last_seen = now;
        Ok((device.id.clone(), device.member.clone()))
    }

    /// Whether a stakeholder is already some device's person.
    pub fn is_taken(&self, person_id: &str) -> bool {
        self.devices.iter().any(|d| {
            d.member
                .as_ref()
                .is_some_and(|m| m.person_id.as_deref() == Some(person_id))
        })
    }

    /// The device says who it is: a stakeholder of the workshop (one device each) or a guest.
    /// A device that has chosen keeps its person until the facilitator releases it, so one
    /// phone cannot vote as several people.
    pub fn claim_person(
        &mut self,
        token: &str,
        person: &Stakeholder,
    ) -> Result<RoomMember, Refusal> {
        let taken = self.is_taken(&person.id);
        let device = self.device_mut(token)?;
        if let Some(member) = &device.member {
            if member.person_id.as_deref() == Some(person.id.as_str()) {
                return Ok(member.clone());
            }
            return Err(already_chosen(member));
        }
        if taken {
            return Err(Refusal::new(
                RefusalCode::PersonTaken,
                "personId",
                format!(
                    "another phone has joined as {}: if that was a mistake, ask the facilitator \
                     to release them",
                    person.details.name
                ),
            ));
        }
        let member = RoomMember {
            person_id: Some(person.id.clone()),
            name: person.details.name.clone(),
        };
        device.member = Some(member.clone());
        Ok(member)
    }

    pub fn claim_guest(&mut self, token: &str, name: &str) -> Result<RoomMember, Refusal> {
        let guests_allowed = self.guests_allowed;
        let device = self.device_mut(token)?;
        if let Some(member) = &device.member {
            return Err(already_chosen(member));
        }
        if !guests_allowed {
            return Err(Refusal::general(
                RefusalCode::GuestsNotAllowed,
                "the facilitator has not allowed guests: pick your name from the list, or ask \
                 to be added",
            ));
        }
        let name = name.trim();
        if name.is_empty() {
            return Err(Refusal::new(
                RefusalCode::Empty,
                "guestName",
                "write the name the room knows you by",
            ));
        }
        if name.chars().count() > MAX_GUEST_NAME_CHARS {
            return Err(Refusal::new(
                RefusalCode::TooLong,
                "guestName",
                format!("a name can be at most {MAX_GUEST_NAME_CHARS} characters"),
            ));
        }
        let member = RoomMember {
            person_id: None,
            name: name.to_string(),
        };
        device.member = Some(member.clone());
        Ok(member)
    }

    /// The facilitator takes a person back from the device that claimed them.
    pub fn release_person(&mut self, person_id: &str) -> bool {
        let mut released = false;
        for device in &mut self.devices {
            if device
                .member
                .as_ref()
                .is_some_and(|m| m.person_id.as_deref() == Some(person_id))
            {
                device.member = None;
                released = true;
            }
        }
        released
    }

    /// The facilitator sends a device out of the room; its token stops working.
    pub fn remove_device(&mut self, device_id: &str) -> bool {
        let before = self.devices.len();
        self.devices.retain(|d| d.id != device_id);
        self.devices.len() != before
    }

    /// Whether the device `device_id` is still in the room with `member`.
    pub fn still_holds(&self, device_id: &str, member: &Option<RoomMember>) -> Option<bool> {
        self.devices
            .iter()
            .find(|d| d.id == device_id)
            .map(|d| &d.member == member)
    }

    pub fn stream_opened(&mut self, device_id: &str) {
        if let Some(device) = self.devices.iter_mut().find(|d| d.id == device_id) {
            device.streams = device.streams.saturating_add(1);
        }
    }

    pub fn stream_closed(&mut self, device_id: &str) {
        if let Some(device) = self.devices.iter_mut().find(|d| d.id == device_id) {
            device.streams = device.streams.saturating_sub(1);
        }
    }

    pub fn devices(&self, now: Instant) -> Vec<DeviceInfo> {
        self.devices
            .iter()
            .map(|d| DeviceInfo {
                id: d.id.clone(),
                member: d.member.clone(),
                connected: d.streams > 0,
                idle_seconds: u32::try_from(now.saturating_duration_since(d.last_seen).as_secs())
                    .unwrap_or(u32::MAX),
            })
            .collect()
    }
}

fn already_chosen(member: &RoomMember) -> Refusal {
    Refusal::general(
        RefusalCode::AlreadyExists,
        format!(
            "this phone has joined as {}: to change, ask the facilitator to release it",
            member.name
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use lodestar_core::stakeholders::{GridQuadrant, StakeholderInput};

    fn person(id: &str, name: &str) -> Stakeholder {
        Stakeholder {
            id: id.into(),
            position: 0,
            details: StakeholderInput {
                name: name.into(),
                role: String::new(),
                function: String::new(),
                influence: 3,
                interest: 3,
                stance: Default::default(),
                present: true,
                colour: String::new(),
            },
            initials: String::new(),
            quadrant: GridQuadrant::Monitor,
        }
    }

    fn joined(room: &mut Room) -> String {
        let secret = room.join_secret().to_string();
        room.join(JoinProof::Link(&secret), Instant::now()).unwrap()
    }

    #[test]
    fn a_link_or_the_code_lets_a_device_in_and_a_wrong_one_does_not() {
        let mut room = Room::new(false).unwrap();
        let now = Instant::now();
        assert_eq!(
            room.join(JoinProof::Link("0123"), now).unwrap_err().code,
            RefusalCode::JoinLinkInvalid
        );
        let code = room.join_code().to_lowercase();
        let token = room.join(JoinProof::Code(&code), now).unwrap();
        assert_eq!(token.len(), 64);
        assert!(room.recognise(&token, now).is_ok());
        assert_eq!(
            room.recognise("forged", now).unwrap_err().code,
            RefusalCode::DeviceUnknown
        );
    }

    #[test]
    fn renewing_ends_old_links_but_keeps_the_phones_already_in() {
        let mut room = Room::new(false).unwrap();
        let old_secret = room.join_secret().to_string();
        let old_code = room.join_code().to_string();
        let token = joined(&mut room);
        room.renew().unwrap();
        let now = Instant::now();
        assert!(room.join(JoinProof::Link(&old_secret), now).is_err());
        assert!(room.join(JoinProof::Code(&old_code), now).is_err());
        assert!(room.recognise(&token, now).is_ok());
    }

    #[test]
    fn one_device_per_person_and_a_device_keeps_its_person() {
        let mut room = Room::new(false).unwrap();
        let (ana, ben) = (person("p1", "Ana"), person("p2", "Ben"));
        let first = joined(&mut room);
        let second = joined(&mut room);
        room.claim_person(&first, &ana).unwrap();
        assert_eq!(
            room.claim_person(&second, &ana).unwrap_err().code,
            RefusalCode::PersonTaken
        );
        // The first phone cannot become Ben as well (it would vote twice).
        assert!(room.claim_person(&first, &ben).is_err());
        assert!(
            room.claim_person(&first, &ana).is_ok(),
            "claiming again is harmless"
        );
        // Released by the facilitator, Ana can join from the second phone.
        assert!(room.release_person("p1"));
        assert_eq!(
            room.claim_person(&second, &ana)
                .unwrap()
                .person_id
                .as_deref(),
            Some("p1")
        );
    }

    #[test]
    fn guests_only_when_allowed_and_with_a_name() {
        let mut room = Room::new(false).unwrap();
        let token = joined(&mut room);
        assert_eq!(
            room.claim_guest(&token, "Zoe").unwrap_err().code,
            RefusalCode::GuestsNotAllowed
        );
        room.set_guests_allowed(true);
        assert_eq!(
            room.claim_guest(&token, "  ").unwrap_err().code,
            RefusalCode::Empty
        );
        let long = "x".repeat(MAX_GUEST_NAME_CHARS + 1);
        assert_eq!(
            room.claim_guest(&token, &long).unwrap_err().code,
            RefusalCode::TooLong
        );
        assert_eq!(room.claim_guest(&token, " Zoe ").unwrap().name, "Zoe");
    }

    #[test]
    fn a_removed_device_is_a_stranger() {
        let mut room = Room::new(false).unwrap();
        let token = joined(&mut room);
        let (id, _) = room.recognise(&token, Instant::now()).unwrap();
        assert!(room.remove_device(&id));
        assert_eq!(
            room.recognise(&token, Instant::now()).unwrap_err().code,
            RefusalCode::DeviceUnknown
        );
        assert!(room.devices(Instant::now()).is_empty());
    }
}
