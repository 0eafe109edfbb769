//! Demo data for a first look and for tests: Dresden with the districts of the council resolution (§6), and a
//! small second tenant, Musterstadt, to show that tenants are kept apart.
//!
//! Loaded only into an empty database (no tenants yet), in one transaction, so a failed load leaves nothing.

use chrono::Utc;
use model::DistrictKind;
use model::entity::{district, tenant};
use sea_orm::{ActiveValue::Set, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, TransactionTrait};
use uuid::Uuid;

struct DemoTenant {
    slug: &'static str,
    name: &'static str,
    districts: Vec<(String, DistrictKind)>,
}

fn demo_tenants() -> Vec<DemoTenant> {
    // Dresden: 17 city districts ("Stadtraum 1" … until the admin renames them) and three groups of villages.
    let mut dresden: Vec<(String, DistrictKind)> =
        (1..=17).map(|n| (format!("Stadtraum {n}"), DistrictKind::CityDistrict)).collect();
    dresden.extend(
        [
            "Schönfeld-Weißig",
            "Weixdorf, Langebrück, Schönborn",
            "Cossebaude, Mobschatz, Gompitz, Oberwartha, Altfranken",
        ]
        .map(|name| (name.to_owned(), DistrictKind::Villages)),
    );
    let musterstadt = vec![
        ("Nord".to_owned(), DistrictKind::CityDistrict),
        ("Süd".to_owned(), DistrictKind::CityDistrict),
        ("Ortschaft Musterdorf".to_owned(), DistrictKind::Villages),
    ];
    vec![
        DemoTenant { slug: "dresden", name: "Landeshauptstadt Dresden", districts: dresden },
        DemoTenant { slug: "musterstadt", name: "Musterstadt", districts: musterstadt },
    ]
}

/// Loads the demo tenants if the database has no tenant yet. Returns whether it loaded anything.
pub async fn load_if_empty(db: &DatabaseConnection) -> Result<bool, DbErr> {
    let txn = db.begin().await?;
    if tenant::Entity::find().count(&txn).await? > 0 {
        return Ok(false);
    }
    let now = Utc::now();
    for demo in demo_tenants() {
        let tenant_id = Uuid::new_v4();
        tenant::Entity::insert(tenant::ActiveModel {
            id: Set(tenant_id),
            slug: Set(demo.slug.to_owned()),
            name: Set(demo.name.to_owned()),
            time_zone: Set("Europe/Berlin".to_owned()),
            default_locale: Set("de".to_owned()),
            created_at: Set(now),
        })
        .exec(&txn)
        .await?;
        let rows = demo.districts.into_iter().zip(1..).map(|((name, kind), position)| district::ActiveModel {
            id: Set(Uuid::new_v4()),
            tenant_id: Set(tenant_id),
            name: Set(name),
            kind: Set(kind.as_str().to_owned()),
            position: Set(position),
            retired_at: Set(None),
            created_at: Set(now),
        });
        district::Entity::insert_many(rows).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok(true)
}
