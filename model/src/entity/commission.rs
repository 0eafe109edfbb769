use sea_orm::entity::prelude::*;

/// A task the steering group gave to a coordinator, the project carrier or the youth office.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "commissions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    /// The agenda item whose resolution gave it, if any.
    pub agenda_item_id: Option<Uuid>,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub details: String,
    /// `coordinator`, `project_carrier` or `youth_office`.
    pub assignee_kind: String,
    pub assignee_user_id: Option<Uuid>,
    pub assignee_organisation_id: Option<Uuid>,
    pub given_on: Date,
    pub due_on: Date,
    /// A `crate::steering::commission::CommissionState`.
    pub state: String,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    pub closed_at: Option<DateTimeUtc>,
    pub closed_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
