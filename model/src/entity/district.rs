use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "districts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub tenant_id: Uuid,
    pub name: String,
    pub kind: String,
    pub position: i32,
    pub retired_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::tenant::Entity",
        from = "Column::TenantId",
        to = "super::tenant::Column::Id",
        on_delete = "Cascade"
    )]
    Tenant,
}

impl Related<super::tenant::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Tenant.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

/// A stored row that no longer parses (edited by hand, or a kind this build does not know).
#[derive(Debug, thiserror::Error)]
#[error("district {id} has invalid stored data: {reason}")]
pub struct InvalidDistrictRow {
    pub id: Uuid,
    pub reason: String,
}

impl Model {
    pub fn view(&self) -> Result<crate::DistrictView, InvalidDistrictRow> {
        let invalid = |reason: String| InvalidDistrictRow { id: self.id, reason };
        Ok(crate::DistrictView {
            id: self.id,
            name: crate::DistrictName::parse(&self.name).map_err(|e| invalid(e.to_string()))?,
            kind: crate::DistrictKind::parse(&self.kind)
                .ok_or_else(|| invalid(format!("unknown kind {:?}", self.kind)))?,
            position: self.position,
        })
    }
}
