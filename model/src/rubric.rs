//! The steering group's rubric for a call: the criteria a bid is scored against, each with a weight and a
//! scale of points with an anchor text per level (SPEC §3B, issue 12).
//!
//! A rubric cannot hold what would make scoring unfair or unreadable: a scale runs upwards within 0–10, a
//! criterion's weight is at least 1, anchor texts are given for every level or for none, and no two criteria
//! share a title. Weights are relative (a criterion weighted 30 counts three times one weighted 10); the
//! ranking (`crate::ranking`) turns them into shares of the total. The default rubrics follow the resolution's
//! questions (§4a/§4b for the steering module, §5 and §7 for the coordination posts) and are a starting point
//! that an administration adapts per call until it closes.

use crate::call::Module;
use serde::{Deserialize, Serialize};

/// What makes a rubric invalid, named so that a form can show it at its field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RubricError {
    #[error("a scale runs upwards within 0 to 10 points")]
    Scale,
    #[error("a criterion weighs between 1 and {max}", max = Weight::MAX)]
    Weight,
    #[error("a criterion needs a title of at most {max} characters", max = Criterion::TITLE_MAX)]
    Title,
    #[error("a criterion's description has at most {max} characters", max = Criterion::DESCRIPTION_MAX)]
    Description,
    #[error("anchor texts are given for every level of the scale or for none, each at most {max} characters", max = Criterion::ANCHOR_MAX)]
    Anchors,
    #[error("a rubric has between 1 and {max} criteria", max = Rubric::MAX_CRITERIA)]
    Count,
    #[error("two criteria have the title {0:?}")]
    DuplicateTitle(String),
    #[error("points {points} are outside the scale {min}–{max}")]
    OutOfScale { points: u8, min: u8, max: u8 },
    #[error("a score sheet has {given} scores for {expected} criteria")]
    SheetLength { given: usize, expected: usize },
}

/// The points a criterion can be given: whole numbers from `min` to `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "RawScale")]
pub struct Scale {
    min: u8,
    max: u8,
}

#[derive(Deserialize)]
struct RawScale {
    min: u8,
    max: u8,
}

impl TryFrom<RawScale> for Scale {
    type Error = RubricError;
    fn try_from(raw: RawScale) -> Result<Self, Self::Error> {
        Scale::new(raw.min, raw.max)
    }
}

impl Scale {
    pub const LARGEST: u8 = 10;

    pub fn new(min: u8, max: u8) -> Result<Self, RubricError> {
        if min < max && max <= Self::LARGEST { Ok(Scale { min, max }) } else { Err(RubricError::Scale) }
    }

    pub fn min(self) -> u8 {
        self.min
    }

    pub fn max(self) -> u8 {
        self.max
    }

    /// How many points lie between the lowest and the highest level.
    pub fn span(self) -> u8 {
        self.max - self.min
    }

    /// How many levels the scale has (0–5: six).
    pub fn levels(self) -> usize {
        usize::from(self.span()) + 1
    }

    pub fn check(self, points: u8) -> Result<u8, RubricError> {
        if (self.min..=self.max).contains(&points) {
            Ok(points)
        } else {
            Err(RubricError::OutOfScale { points, min: self.min, max: self.max })
        }
    }
}

/// A criterion's relative weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u16", into = "u16")]
pub struct Weight(u16);

impl Weight {
    pub const MAX: u16 = 1000;

    pub fn new(weight: u16) -> Result<Self, RubricError> {
        if (1..=Self::MAX).contains(&weight) { Ok(Weight(weight)) } else { Err(RubricError::Weight) }
    }

    pub fn get(self) -> u16 {
        self.0
    }
}

impl TryFrom<u16> for Weight {
    type Error = RubricError;
    fn try_from(weight: u16) -> Result<Self, Self::Error> {
        Weight::new(weight)
    }
}

impl From<Weight> for u16 {
    fn from(weight: Weight) -> u16 {
        weight.0
    }
}

/// One thing the steering group looks at in a bid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "RawCriterion")]
pub struct Criterion {
    title: String,
    description: String,
    #[cfg_attr(feature = "openapi", schema(value_type = u16, minimum = 1, maximum = 1000))]
    weight: Weight,
    scale: Scale,
    /// What each level means, lowest first; empty when the scale speaks for itself.
    anchors: Vec<String>,
}

#[derive(Deserialize)]
struct RawCriterion {
    title: String,
    description: String,
    weight: Weight,
    scale: Scale,
    #[serde(default)]
    anchors: Vec<String>,
}

impl TryFrom<RawCriterion> for Criterion {
    type Error = RubricError;
    fn try_from(raw: RawCriterion) -> Result<Self, Self::Error> {
        Criterion::new(&raw.title, &raw.description, raw.weight, raw.scale, raw.anchors)
    }
}

impl Criterion {
    pub const TITLE_MAX: usize = 200;
    pub const DESCRIPTION_MAX: usize = 2000;
    pub const ANCHOR_MAX: usize = 300;

    pub fn new(
        title: &str,
        description: &str,
        weight: Weight,
        scale: Scale,
        anchors: Vec<String>,
    ) -> Result<Self, RubricError> {
        let title = title.trim();
        if title.is_empty() || title.chars().count() > Self::TITLE_MAX {
            return Err(RubricError::Title);
        }
        let description = description.trim();
        if description.chars().count() > Self::DESCRIPTION_MAX {
            return Err(RubricError::Description);
        }
        let anchors: Vec<String> = anchors.iter().map(|anchor| anchor.trim().to_owned()).collect();
        let complete = anchors.is_empty()
            || (anchors.len() == scale.levels()
                && anchors.iter().all(|a| !a.is_empty() && a.chars().count() <= Self::ANCHOR_MAX));
        if !complete {
            return Err(RubricError::Anchors);
        }
        Ok(Criterion { title: title.to_owned(), description: description.to_owned(), weight, scale, anchors })
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn description(&self) -> &str {
        &self.description
    }

    pub fn weight(&self) -> Weight {
        self.weight
    }

    pub fn scale(&self) -> Scale {
        self.scale
    }

    /// The anchor text of a level, if the criterion has anchors and the points lie on its scale.
    pub fn anchor(&self, points: u8) -> Option<&str> {
        let index = points.checked_sub(self.scale.min)?;
        self.anchors.get(usize::from(index)).map(String::as_str)
    }

    pub fn anchors(&self) -> &[String] {
        &self.anchors
    }
}

/// The criteria of one call, in the order the scoring form shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Criterion>", into = "Vec<Criterion>")]
pub struct Rubric {
    criteria: Vec<Criterion>,
}

impl Rubric {
    pub const MAX_CRITERIA: usize = 20;

    pub fn new(criteria: Vec<Criterion>) -> Result<Self, RubricError> {
        if criteria.is_empty() || criteria.len() > Self::MAX_CRITERIA {
            return Err(RubricError::Count);
        }
        for (index, criterion) in criteria.iter().enumerate() {
            let title = criterion.title.to_lowercase();
            if criteria[..index].iter().any(|earlier| earlier.title.to_lowercase() == title) {
                return Err(RubricError::DuplicateTitle(criterion.title.clone()));
            }
        }
        Ok(Rubric { criteria })
    }

    pub fn criteria(&self) -> &[Criterion] {
        &self.criteria
    }

    /// The sum of all weights, to which each weight is a share.
    pub fn total_weight(&self) -> u32 {
        self.criteria.iter().map(|c| u32::from(c.weight.get())).sum()
    }
}

impl TryFrom<Vec<Criterion>> for Rubric {
    type Error = RubricError;
    fn try_from(criteria: Vec<Criterion>) -> Result<Self, Self::Error> {
        Rubric::new(criteria)
    }
}

impl From<Rubric> for Vec<Criterion> {
    fn from(rubric: Rubric) -> Self {
        rubric.criteria
    }
}

/// The anchor texts of the default rubrics' 0–5 scale.
const ANCHORS_0_TO_5: [&str; 6] = [
    "nicht erkennbar",
    "kaum erkennbar, wesentliche Lücken",
    "in Ansätzen erkennbar",
    "überwiegend nachvollziehbar und schlüssig",
    "überzeugend und konkret",
    "herausragend, mit belegten Erfahrungen",
];

/// The rubric a new call of `module` starts with: the resolution's questions, weighted to 100.
pub fn default_rubric(module: Module) -> Rubric {
    let items: &[(&str, &str, u16)] = match module {
        Module::Steering => &[
            (
                "Verständnis der sozialräumlichen Umstellung",
                "Beschluss A0446/18, Punkt 4a: Wie stellt sich der Träger den Prozess der sozialräumlichen \
                 Umstellung der Jugendhilfe grundsätzlich vor?",
                30,
            ),
            (
                "Rolle im Projekt und Geschäftsführung",
                "Punkt 4a und 3: Welche Rolle sieht der Träger für sich, und wie führt er die Geschäfte der \
                 Steuerungsgruppe?",
                20,
            ),
            (
                "Zusammenarbeit der Koordinationsstellen",
                "Punkt 4b: Wie organisiert und sichert der Träger die Zusammenarbeit der \
                 Sozialraumkoordinatorinnen und -koordinatoren?",
                20,
            ),
            (
                "Vertikaler und horizontaler Erfahrungstransfer",
                "Punkt 4b: Wie wird Erfahrung zwischen den Stadträumen und zur Verwaltung weitergegeben?",
                15,
            ),
            (
                "Finanzierung und Wirtschaftlichkeit",
                "Punkt 8: Ist der Finanzplan für mindestens drei Jahre schlüssig und angemessen?",
                15,
            ),
        ],
        Module::Practice => &[
            (
                "Erfahrung in der Gemeinwesenarbeit im Gebiet",
                "Beschluss A0446/18, Punkt 7: fundierte Erfahrungen der Gemeinwesenarbeit in der Fläche des \
                 jeweiligen Stadtraums bzw. der Ortschaften.",
                40,
            ),
            (
                "Verankerung und Netzwerke im Stadtraum",
                "Punkt 5a und 5e: bestehende Kooperationsbeziehungen mit Akteurinnen und Akteuren der Jugendhilfe, \
                 angrenzender Felder und den bezirklichen Ansprechpersonen.",
                20,
            ),
            (
                "Konzept für den Arbeitsauftrag",
                "Punkt 5a–d: Zugänge verbessern, präventive Maßnahmen anstoßen, mit den anderen Stellen und dem \
                 Steuerungsmodul zusammenarbeiten.",
                25,
            ),
            (
                "Personal und Wirtschaftlichkeit",
                "Punkt 6 und 8: 0,5 Vollzeitstellen, Qualifikation der Fachkraft, angemessene Kosten.",
                15,
            ),
        ],
    };
    let criteria = items
        .iter()
        .map(|&(title, description, weight)| Criterion {
            title: title.to_owned(),
            description: description.to_owned(),
            weight: Weight(weight),
            scale: Scale { min: 0, max: 5 },
            anchors: ANCHORS_0_TO_5.iter().map(|a| (*a).to_owned()).collect(),
        })
        .collect();
    Rubric { criteria }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn criterion(title: &str, weight: u16, min: u8, max: u8) -> Criterion {
        Criterion::new(title, "", Weight::new(weight).expect("weight"), Scale::new(min, max).expect("scale"), vec![])
            .expect("criterion")
    }

    #[test]
    fn scales_run_upwards_within_ten_points() {
        assert_eq!(Scale::new(0, 5).map(Scale::levels), Ok(6));
        assert_eq!(Scale::new(1, 10).map(Scale::span), Ok(9));
        for (min, max) in [(5, 5), (5, 0), (0, 11)] {
            assert_eq!(Scale::new(min, max), Err(RubricError::Scale), "{min}–{max}");
        }
        let scale = Scale::new(1, 5).expect("scale");
        assert_eq!(scale.check(0), Err(RubricError::OutOfScale { points: 0, min: 1, max: 5 }));
        assert_eq!(scale.check(5), Ok(5));
    }

    #[test]
    fn weights_are_positive() {
        assert_eq!(Weight::new(0), Err(RubricError::Weight));
        assert_eq!(Weight::new(Weight::MAX + 1), Err(RubricError::Weight));
        assert!(Weight::new(1).is_ok());
    }

    #[test]
    fn anchors_are_given_for_every_level_or_none() {
        let scale = Scale::new(0, 2).expect("scale");
        let weight = Weight::new(1).expect("weight");
        let texts = |n: usize| (0..n).map(|i| format!("Stufe {i}")).collect::<Vec<_>>();
        assert_eq!(Criterion::new("A", "", weight, scale, texts(2)), Err(RubricError::Anchors));
        let anchored = Criterion::new("A", "", weight, scale, texts(3)).expect("three levels, three anchors");
        assert_eq!(anchored.anchor(2), Some("Stufe 2"));
        assert_eq!(anchored.anchor(3), None);
        assert_eq!(Criterion::new("  ", "", weight, scale, vec![]), Err(RubricError::Title));
    }

    #[test]
    fn a_rubric_has_distinct_criteria() {
        assert_eq!(Rubric::new(vec![]), Err(RubricError::Count));
        let twice = Rubric::new(vec![criterion("Konzept", 1, 0, 5), criterion("konzept", 2, 0, 5)]);
        assert_eq!(twice, Err(RubricError::DuplicateTitle("konzept".to_owned())));
        let rubric = Rubric::new(vec![criterion("A", 2, 0, 5), criterion("B", 1, 0, 10)]).expect("rubric");
        assert_eq!(rubric.total_weight(), 3);
    }

    #[test]
    fn the_default_rubrics_follow_the_resolution_and_are_valid() {
        for module in [Module::Steering, Module::Practice] {
            let rubric = default_rubric(module);
            assert_eq!(rubric.total_weight(), 100, "{module:?}");
            // Built directly, so check that the constructors would accept every part.
            let rebuilt = rubric
                .criteria()
                .iter()
                .map(|c| Criterion::new(c.title(), c.description(), c.weight(), c.scale(), c.anchors().to_vec()))
                .collect::<Result<Vec<_>, _>>()
                .and_then(Rubric::new);
            assert_eq!(rebuilt.as_ref(), Ok(&rubric));
        }
        assert!(default_rubric(Module::Steering).criteria()[0].description().contains("4a"));
        assert!(default_rubric(Module::Practice).criteria()[0].title().contains("Gemeinwesenarbeit"));
    }

    #[test]
    fn invalid_rubrics_do_not_deserialise() {
        let json = r#"[{"title":"A","description":"","weight":0,"scale":{"min":0,"max":5}}]"#;
        assert!(serde_json::from_str::<Rubric>(json).is_err(), "weight 0");
        let json = r#"[{"title":"A","description":"","weight":1,"scale":{"min":3,"max":1}}]"#;
        assert!(serde_json::from_str::<Rubric>(json).is_err(), "scale downwards");
        let rubric = default_rubric(Module::Practice);
        let round_trip: Rubric = serde_json::from_str(&serde_json::to_string(&rubric).expect("json")).expect("back");
        assert_eq!(round_trip, rubric);
    }
}
