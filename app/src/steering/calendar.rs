//! The iCalendar invitation (RFC 5545, `METHOD:REQUEST`) that goes with a meeting's invitation mail, so
//! members' calendars show the meeting and replace it when it is invited to again (a higher `SEQUENCE`).
//! Folding, escaping and the format's details are the `icalendar` crate's.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, Property};

/// What the invitation says.
pub struct Invitation<'a> {
    /// Stable across re-invitations of the same meeting.
    pub uid: &'a str,
    pub sequence: u32,
    pub title: &'a str,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: &'a str,
    pub video_link: &'a str,
    /// The agenda's items, one line each.
    pub agenda: &'a [String],
    /// The meeting's page.
    pub link: &'a str,
    /// Email and name of who invites.
    pub organiser: Option<(&'a str, &'a str)>,
    /// Email and name of each member.
    pub attendees: &'a [(&'a str, &'a str)],
    pub now: DateTime<Utc>,
}

/// The calendar file's text.
pub fn invitation(invitation: &Invitation<'_>) -> String {
    let location = match (invitation.place.is_empty(), invitation.video_link.is_empty()) {
        (false, false) => format!("{} / {}", invitation.place, invitation.video_link),
        (false, true) => invitation.place.to_owned(),
        _ => invitation.video_link.to_owned(),
    };
    let mut description = invitation.agenda.join("\n");
    description.push_str(&format!("\n\n{}", invitation.link));
    let mut event = Event::new();
    event
        .uid(invitation.uid)
        .sequence(invitation.sequence)
        .timestamp(invitation.now)
        .summary(invitation.title)
        .description(&description)
        .location(&location)
        .url(invitation.link)
        .starts(invitation.starts_at)
        .ends(invitation.ends_at);
    if let Some((email, name)) = invitation.organiser {
        let mut organiser = Property::new("ORGANIZER", format!("mailto:{email}"));
        organiser.add_parameter("CN", name);
        event.append_property(organiser);
    }
    for (email, name) in invitation.attendees {
        let mut attendee = Property::new("ATTENDEE", format!("mailto:{email}"));
        attendee.add_parameter("CN", name).add_parameter("ROLE", "REQ-PARTICIPANT").add_parameter("RSVP", "TRUE");
        event.append_multi_property(attendee);
    }
    let mut calendar = Calendar::new();
    calendar.append_property(Property::new("METHOD", "REQUEST"));
    calendar.push(event.done());
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_invitation_names_time_place_agenda_and_every_member() {
        let at = DateTime::parse_from_rfc3339("2026-03-10T15:00:00Z").expect("time").with_timezone(&Utc);
        let agenda = vec!["1. Protokoll".to_owned(), "2. Haushalt 2026".to_owned()];
        let text = invitation(&Invitation {
            uid: "m1@spielraum",
            sequence: 2,
            title: "Steuerungsgruppe, 1. Sitzung",
            starts_at: at,
            ends_at: at + chrono::Duration::hours(2),
            place: "Rathaus, Raum 12",
            video_link: "",
            agenda: &agenda,
            link: "https://spielraum.example/dresden/steering/meetings/m1",
            organiser: Some(("pk@example.org", "Petra König")),
            attendees: &[("a@example.org", "Anna"), ("b@example.org", "Ben")],
            now: at - chrono::Duration::days(14),
        });
        let unfolded = text.replace("\r\n ", "");
        for expected in [
            "METHOD:REQUEST",
            "UID:m1@spielraum",
            "SEQUENCE:2",
            "DTSTART:20260310T150000Z",
            "DTEND:20260310T170000Z",
            "LOCATION:Rathaus\\, Raum 12",
            "2. Haushalt 2026",
            "ATTENDEE;",
            "mailto:b@example.org",
            "ORGANIZER;CN=Petra König:mailto:pk@example.org",
        ] {
            assert!(unfolded.contains(expected), "{expected} in\n{text}");
        }
    }
}
