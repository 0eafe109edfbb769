//! The steering group's seats (seed §3: three appointed by the administration, three elected by the
//! committee, one from the project carrier).

use crate::AppError;
use model::{SeatComposition, SeatType};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SteeringMember {
    pub name: String,
    pub email: String,
    pub seat: SeatType,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SteeringOverview {
    pub members: Vec<SteeringMember>,
    pub composition: SeatComposition,
}

#[leptos::server(prefix = "/fn", endpoint = "steering_group")]
pub async fn steering_group() -> Result<SteeringOverview, AppError> {
    use model::Role;
    let admin = crate::actor::Actor::require(model::Permission::ManageUsers).await?;
    let users = crate::store::users::list(&admin.server.db, &admin.tenant, "").await?;
    let mut members: Vec<SteeringMember> = users
        .into_iter()
        .filter(|user| user.status == crate::auth::accounts::STATUS_ACTIVE)
        .flat_map(|user| {
            user.roles
                .iter()
                .filter_map(|role| match role {
                    Role::Steering { seat } => Some(seat.kind()),
                    _ => None,
                })
                .map(|seat| SteeringMember { name: user.name.clone(), email: user.email.clone(), seat })
                .collect::<Vec<_>>()
        })
        .collect();
    members.sort_by(|a, b| a.seat.cmp(&b.seat).then(a.name.cmp(&b.name)));
    let composition = SeatComposition::count(members.iter().map(|m| m.seat));
    Ok(SteeringOverview { members, composition })
}
