use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tenants")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    pub time_zone: String,
    pub default_locale: String,
    pub created_at: DateTimeUtc,
    /// How many final score sheets per bid a recommendation needs (capped at the members who may score).
    pub evaluation_quorum: i32,
    /// Days after a period's end until its report is due (see [`crate::report`]).
    pub report_deadline_days: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::district::Entity")]
    District,
}

impl Related<super::district::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::District.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// The view a page gets. A slug that the database holds was validated on the way in; a bad one here means
    /// the row was edited by hand, which is reported rather than shown.
    pub fn view(&self) -> Result<crate::TenantView, crate::TenantSlugError> {
        Ok(crate::TenantView { slug: crate::TenantSlug::parse(&self.slug)?, name: self.name.clone() })
    }
}
