//! The exchange space (seed §4b, §5d; issue 13, item 7): the coordinators, the steering group and the
//! steering module's carrier share what they learn — meeting notes, methods, invitations — in threads with
//! replies, tagged by district and topic, searchable. Everything stays inside the tenant.
//!
//! Who takes part is a rule of its own ([`may_take_part`]): the roles that bring
//! [`Permission::UseExchange`], and the members of the organisation that holds the steering contract — an
//! object fact, so it cannot be a permission of a role.

use crate::policy::{Permission, Who};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Characters of a thread's title.
pub const MAX_TITLE_CHARS: usize = 200;
/// Characters of a post's text.
pub const MAX_BODY_CHARS: usize = 20_000;
/// Tags per thread.
pub const MAX_TAGS: usize = 8;
/// Characters of a tag.
pub const MAX_TAG_CHARS: usize = 40;
/// Threads per page of the list.
pub const PAGE_SIZE: u64 = 50;

/// What a thread is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    MeetingNotes,
    Method,
    Invitation,
    Experience,
    Question,
}

impl Topic {
    pub const ALL: [Topic; 5] =
        [Topic::MeetingNotes, Topic::Method, Topic::Invitation, Topic::Experience, Topic::Question];

    pub fn as_str(self) -> &'static str {
        match self {
            Topic::MeetingNotes => "meeting_notes",
            Topic::Method => "method",
            Topic::Invitation => "invitation",
            Topic::Experience => "experience",
            Topic::Question => "question",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Topic::ALL.into_iter().find(|t| t.as_str() == text)
    }
}

/// Whether the caller takes part in the exchange: coordinators, the steering group and the administration,
/// and the members of the steering module's carrier (`steering_carrier`).
pub fn may_take_part(who: Who<'_>, steering_carrier: Option<Uuid>) -> bool {
    who.holds(Permission::UseExchange) || steering_carrier.is_some_and(|organisation| who.member_of(organisation))
}

/// A new thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThreadInput {
    pub title: String,
    pub body: String,
    pub topic: Topic,
    /// The district it concerns, if one.
    #[serde(default)]
    pub district_id: Option<Uuid>,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A reply to a thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReplyInput {
    pub body: String,
}

/// What is wrong with a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum PostProblem {
    #[error("the title is empty")]
    TitleEmpty,
    #[error("the title is longer than {MAX_TITLE_CHARS} characters")]
    TitleTooLong,
    #[error("the text is empty")]
    BodyEmpty,
    #[error("the text is longer than {MAX_BODY_CHARS} characters")]
    BodyTooLong,
    #[error("at most {MAX_TAGS} tags of at most {MAX_TAG_CHARS} characters each")]
    BadTags,
}

fn check_body(body: &str) -> Result<String, PostProblem> {
    let body = body.trim();
    if body.is_empty() {
        return Err(PostProblem::BodyEmpty);
    }
    if body.chars().count() > MAX_BODY_CHARS {
        return Err(PostProblem::BodyTooLong);
    }
    Ok(body.to_owned())
}

/// Tags as people type them, trimmed, without a leading `#`, without empty ones and without repeats (in any
/// letter case); the first spelling is kept.
pub fn clean_tags(tags: &[String]) -> Result<Vec<String>, PostProblem> {
    let mut clean: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim().trim_start_matches('#').trim();
        if tag.is_empty() || clean.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            continue;
        }
        if tag.chars().count() > MAX_TAG_CHARS || tag.chars().any(char::is_control) {
            return Err(PostProblem::BadTags);
        }
        clean.push(tag.to_owned());
    }
    if clean.len() > MAX_TAGS {
        return Err(PostProblem::BadTags);
    }
    Ok(clean)
}

impl ThreadInput {
    /// The thread as it is stored: trimmed, tags cleaned; or what is wrong.
    pub fn checked(&self) -> Result<ThreadInput, PostProblem> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err(PostProblem::TitleEmpty);
        }
        if title.chars().count() > MAX_TITLE_CHARS {
            return Err(PostProblem::TitleTooLong);
        }
        Ok(ThreadInput {
            title: title.to_owned(),
            body: check_body(&self.body)?,
            topic: self.topic,
            district_id: self.district_id,
            tags: clean_tags(&self.tags)?,
        })
    }
}

impl ReplyInput {
    pub fn checked(&self) -> Result<ReplyInput, PostProblem> {
        Ok(ReplyInput { body: check_body(&self.body)? })
    }
}

/// What the list of threads may be narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadFilter {
    /// Words that must all occur in the title, the text or a reply.
    pub query: Option<String>,
    pub topic: Option<Topic>,
    pub district_id: Option<Uuid>,
    pub tag: Option<String>,
    /// Page number, from 1.
    pub page: u64,
}

/// A thread in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThreadSummary {
    pub id: Uuid,
    pub title: String,
    pub topic: Topic,
    pub district_id: Option<Uuid>,
    pub district: Option<String>,
    pub tags: Vec<String>,
    pub author: String,
    pub created_at: DateTime<Utc>,
    pub replies: u32,
    pub last_activity_at: DateTime<Utc>,
}

/// One page of threads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThreadPage {
    pub threads: Vec<ThreadSummary>,
    /// Threads that match, on all pages.
    pub total: u64,
    pub page: u64,
    pub pages: u64,
}

/// A post with its author and files. (Named apart from the award's `PostView` in the OpenAPI document.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ExchangePostView))]
pub struct PostView {
    pub id: Uuid,
    pub author: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub files: Vec<crate::file::FileRef>,
    /// The caller wrote it (and may attach files to it).
    pub own: bool,
}

/// A thread with its replies, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ThreadView {
    pub summary: ThreadSummary,
    pub opening: PostView,
    pub replies: Vec<PostView>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Role;

    fn input(title: &str, body: &str, tags: &[&str]) -> ThreadInput {
        ThreadInput {
            title: title.into(),
            body: body.into(),
            topic: Topic::Method,
            district_id: None,
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        }
    }

    #[test]
    fn a_thread_needs_a_title_and_a_text_within_limits() {
        assert_eq!(input(" ", "x", &[]).checked(), Err(PostProblem::TitleEmpty));
        assert_eq!(input(&"t".repeat(MAX_TITLE_CHARS + 1), "x", &[]).checked(), Err(PostProblem::TitleTooLong));
        assert_eq!(input("t", "  \n", &[]).checked(), Err(PostProblem::BodyEmpty));
        assert_eq!(input("t", &"x".repeat(MAX_BODY_CHARS + 1), &[]).checked(), Err(PostProblem::BodyTooLong));
        let ok = input("  Methodenkoffer  ", " Text ", &[]).checked().expect("fine");
        assert_eq!((ok.title.as_str(), ok.body.as_str()), ("Methodenkoffer", "Text"));
        assert_eq!(ReplyInput { body: " ".into() }.checked(), Err(PostProblem::BodyEmpty));
    }

    #[test]
    fn tags_are_cleaned_and_limited() {
        let tags: Vec<String> = ["#Beteiligung", "beteiligung", " ", "Kita"].map(str::to_owned).to_vec();
        assert_eq!(clean_tags(&tags), Ok(vec!["Beteiligung".to_owned(), "Kita".to_owned()]));
        let many: Vec<String> = (0..=MAX_TAGS).map(|n| format!("t{n}")).collect();
        assert_eq!(clean_tags(&many), Err(PostProblem::BadTags));
        assert_eq!(clean_tags(&["x".repeat(MAX_TAG_CHARS + 1)]), Err(PostProblem::BadTags));
    }

    #[test]
    fn coordinators_the_steering_group_admins_and_the_steering_carrier_take_part() {
        let carrier = Uuid::from_u128(9);
        let user = Uuid::from_u128(1);
        let who = |roles: &'static [Role]| Who { user_id: user, roles };
        assert!(may_take_part(who(&[Role::Coordinator]), None));
        assert!(may_take_part(who(&[Role::Admin]), None));
        assert!(!may_take_part(who(&[Role::DistrictContact]), Some(carrier)));
        static STEERING_CARRIER: [Role; 1] = [Role::Carrier { organisation_id: Uuid::from_u128(9) }];
        static OTHER_CARRIER: [Role; 1] = [Role::Carrier { organisation_id: Uuid::from_u128(8) }];
        assert!(may_take_part(who(&STEERING_CARRIER), Some(carrier)));
        assert!(!may_take_part(who(&OTHER_CARRIER), Some(carrier)));
        assert!(!may_take_part(who(&STEERING_CARRIER), None));
    }
}
