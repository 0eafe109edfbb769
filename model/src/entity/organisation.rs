use sea_orm::entity::prelude::*;

/// A carrier organisation (Träger) with its profile; see [`crate::organisation`].
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organisations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub name: String,
    pub created_at: DateTimeUtc,
    pub legal_form: String,
    pub register_number: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    /// Recognised carrier of free youth welfare (§ 75 SGB VIII).
    pub recognised: bool,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    /// When an administrator checked the organisation; NULL until then.
    pub verified_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
