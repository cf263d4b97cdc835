//! The map of Bayannur's 7 county-level units, from hand-simplified outlines.
//!
//! There is no GIS source here: the outlines are drawn from general knowledge of the geography,
//! to be recognisable, not surveyed. The Yellow River (黄河) runs along the south from 磴口县 in
//! the south-west to the eastern end of 乌拉特前旗; 乌拉特后旗 and 乌拉特中旗 are the large
//! banners in the north on the border with Mongolia; 杭锦后旗, 临河区 and 五原县 lie west to
//! east in the Hetao plain (河套平原) north of the river; 乌拉特前旗 is in the east. Neighbouring
//! outlines share their vertices (the named corners below), so there are no gaps or overlaps.
//!
//! Marker positions are near the real county seats, nudged where two would overlap on a phone
//! (the city hub and 临河区's branch are both in 临河).

use deputy_model::map::{MapArea, MapMarker, Point, Projection, RegionMap, contains, signed_area};
use deputy_model::station::StationTier;
use deputy_model::{FORMAT_VERSION, Station};

/// Shared corners, (longitude, latitude) in degrees.
mod corner {
    pub const A: (f64, f64) = (105.20, 41.75); // west end of the Mongolian border
    pub const B: (f64, f64) = (106.00, 42.05);
    pub const C: (f64, f64) = (107.30, 42.38); // 后旗 | 中旗 on the border
    pub const D: (f64, f64) = (108.00, 42.45);
    pub const E: (f64, f64) = (108.95, 42.25); // east end of the border
    pub const F: (f64, f64) = (109.10, 41.60);
    pub const G: (f64, f64) = (109.45, 41.25); // 中旗 | 前旗 | 包头
    pub const H: (f64, f64) = (109.85, 40.90);
    pub const I: (f64, f64) = (109.60, 40.55); // the river leaves the city
    pub const J: (f64, f64) = (109.00, 40.52);
    pub const K: (f64, f64) = (108.55, 40.65); // 五原 | 前旗 on the river
    pub const L: (f64, f64) = (108.20, 40.72);
    pub const M: (f64, f64) = (107.80, 40.62); // 临河 | 五原 on the river
    pub const N: (f64, f64) = (107.45, 40.50);
    pub const O: (f64, f64) = (107.10, 40.30); // 磴口 | 临河 on the river
    pub const P: (f64, f64) = (106.90, 40.05); // 磴口's south tip
    pub const Q: (f64, f64) = (106.50, 40.20);
    pub const R: (f64, f64) = (106.45, 40.65);
    pub const S: (f64, f64) = (105.80, 40.95);
    pub const T: (f64, f64) = (105.20, 41.30);
    pub const U: (f64, f64) = (107.25, 41.60); // 后旗 | 中旗 inland
    pub const V1: (f64, f64) = (106.65, 40.95); // 磴口 | 杭锦后旗 | 后旗
    pub const V2: (f64, f64) = (107.00, 41.20);
    pub const W: (f64, f64) = (107.15, 40.72); // 磴口 | 杭锦后旗 | 临河
    pub const X: (f64, f64) = (107.35, 41.05); // 杭锦后旗 | 临河 | 后旗 | 中旗
    pub const Y: (f64, f64) = (107.75, 41.05); // 临河 | 五原 | 中旗
    pub const Z: (f64, f64) = (108.10, 41.25);
    pub const AA: (f64, f64) = (108.55, 41.15); // 五原 | 前旗 | 中旗
    pub const AB: (f64, f64) = (108.95, 41.35);
}

use corner::*;

/// (code, name, outline clockwise on the map, county seat for the branch marker).
type Outline = (&'static str, &'static str, &'static [(f64, f64)], (f64, f64));

pub const OUTLINES: &[Outline] = &[
    ("150802", "临河区", &[W, X, Y, M, N, O], (107.42, 40.76)),
    ("150821", "五原县", &[Y, Z, AA, K, L, M], (108.40, 40.80)),
    ("150822", "磴口县", &[P, Q, R, V1, W, O], (106.95, 40.38)),
    ("150823", "乌拉特前旗", &[AA, AB, G, H, I, J, K], (108.75, 40.80)),
    ("150824", "乌拉特中旗", &[C, D, E, F, G, AB, AA, Z, Y, X, U], (108.52, 41.57)),
    ("150825", "乌拉特后旗", &[T, A, B, C, U, X, V2, V1, R, S], (106.60, 41.45)),
    ("150826", "杭锦后旗", &[V1, V2, X, W], (107.04, 40.81)),
];

/// The Yellow River along the city's southern edge, west to east.
const RIVER: &[(f64, f64)] = &[P, O, N, M, L, K, J, I];

/// The city hub sits in 临河 too; drawn a little south-west of the district's branch.
const HUB_AT: (f64, f64) = (107.28, 40.50);

pub const WIDTH: f64 = 600.0;
const MARGIN: f64 = 12.0;

pub fn projection() -> Projection {
    let all = OUTLINES.iter().flat_map(|(_, _, pts, _)| pts.iter());
    let (mut w, mut e, mut s, mut n) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (lon, lat) in all {
        (w, e, s, n) = (w.min(*lon), e.max(*lon), s.min(*lat), n.max(*lat));
    }
    Projection::fit(w, e, s, n, WIDTH, MARGIN)
}

/// The served map: the 7 outlines, the river and markers for the city hub and county branches
/// (township homes and village points are too many to tell apart on a phone; the list below
/// the map has them all).
pub fn region_map(stations: &[Station]) -> RegionMap {
    let p = projection();
    let pr = |(lon, lat): (f64, f64)| p.project(lon, lat);
    let marker_points: Vec<Point> = OUTLINES.iter().map(|o| pr(o.3)).chain([pr(HUB_AT)]).collect();
    let mut areas: Vec<MapArea> = OUTLINES
        .iter()
        .map(|(code, name, pts, _)| MapArea {
            region_code: code.to_string(),
            name: name.to_string(),
            outline: pts.iter().copied().map(pr).collect(),
            label: [0.0, 0.0],
        })
        .collect();
    // Crowded areas (more markers) and small ones choose first; larger ones have room to move
    // their names out of the way.
    let crowd = |a: &MapArea| marker_points.iter().filter(|m| contains(&a.outline, **m)).count();
    let mut order: Vec<usize> = (0..areas.len()).collect();
    order.sort_by(|a, b| {
        let (a, b) = (&areas[*a], &areas[*b]);
        crowd(b).cmp(&crowd(a)).then(signed_area(&a.outline).abs().total_cmp(&signed_area(&b.outline).abs()))
    });
    let mut placed: Vec<(Point, usize)> = Vec::new();
    for i in order {
        let chars = areas[i].name.chars().count();
        let label = label_point(&areas[i].outline, chars, &marker_points, &placed);
        placed.push((label, chars));
        areas[i].label = label;
    }
    let markers = stations
        .iter()
        .filter(|s| s.summary.tier <= StationTier::CountyBranch)
        .filter_map(|s| {
            let at = match s.summary.tier {
                StationTier::CityHub => HUB_AT,
                _ => OUTLINES.iter().find(|o| o.0 == s.summary.region_code)?.3,
            };
            Some(MapMarker {
                station_id: s.summary.id.clone(),
                name: s.summary.name.clone(),
                tier: s.summary.tier,
                region_code: if s.summary.tier == StationTier::CityHub {
                    "150802".into()
                } else {
                    s.summary.region_code.clone()
                },
                at: pr(at),
            })
        })
        .collect();
    RegionMap {
        format_version: FORMAT_VERSION,
        width: p.width,
        height: (p.height * 10.0).round() / 10.0,
        areas,
        river: RIVER.iter().copied().map(pr).collect(),
        markers,
        note: "示意图：旗县区轮廓为简化示意，不是测绘边界；标记位置在旗县区政府所在地附近。".into(),
    }
}

/// Room an area's name takes around its anchor (text-anchor middle, baseline at y), sized for
/// the phone font (26 units a character), plus a marker's radius.
fn label_clear_of(label: Point, chars: usize, marker: Point) -> bool {
    let half = chars as f64 * 26.0 / 2.0 + 10.0;
    let (top, bottom) = (label[1] - 26.0 - 10.0, label[1] + 6.0 + 10.0);
    !((marker[0] - label[0]).abs() < half && marker[1] > top && marker[1] < bottom)
}

/// Whether two names' boxes are apart (same box as [`label_clear_of`]).
fn labels_apart(a: Point, a_chars: usize, b: Point, b_chars: usize) -> bool {
    (a[0] - b[0]).abs() >= (a_chars + b_chars) as f64 * 26.0 / 2.0 + 4.0 || (a[1] - b[1]).abs() >= 32.0
}

/// Where to write an area's name: near the centre of its vertices, inside the outline, clear of
/// every marker and of the names already placed.
fn label_point(outline: &[Point], chars: usize, markers: &[Point], placed: &[(Point, usize)]) -> Point {
    let n = outline.len() as f64;
    let c = [outline.iter().map(|p| p[0]).sum::<f64>() / n, outline.iter().map(|p| p[1]).sum::<f64>() / n];
    let steps = [0.0, -26.0, 26.0, -40.0, 40.0, -55.0, 55.0, -70.0, 70.0];
    let mut candidates: Vec<Point> = steps
        .iter()
        .flat_map(|dy| {
            steps.iter().map(move |dx| [((c[0] + dx) * 10.0).round() / 10.0, ((c[1] + dy) * 10.0).round() / 10.0])
        })
        .collect();
    // Nearest to the centre first.
    candidates.sort_by(|a, b| {
        let d = |p: &Point| (p[0] - c[0]).powi(2) + (p[1] - c[1]).powi(2);
        d(a).total_cmp(&d(b))
    });
    let clear = |p: &Point| {
        markers.iter().all(|m| label_clear_of(*p, chars, *m))
            && placed.iter().all(|(q, qc)| labels_apart(*p, chars, *q, *qc))
    };
    // Best: the whole name inside (baseline and glyph tops); then only the baseline inside.
    let inside = |p: &Point| contains(outline, *p) && contains(outline, [p[0], p[1] - 20.0]);
    candidates
        .iter()
        .copied()
        .find(|p| inside(p) && clear(p))
        .or_else(|| candidates.iter().copied().find(|p| contains(outline, *p) && clear(p)))
        .or_else(|| candidates.iter().copied().find(|p| contains(outline, *p)))
        .unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use deputy_model::map::outline_problems;

    #[test]
    fn outlines_are_sane_and_seats_inside() {
        let map = region_map(&crate::generate::generate_city(1).stations);
        assert_eq!(map.areas.len(), 7);
        for a in &map.areas {
            assert!(outline_problems(&a.outline, map.width, map.height).is_empty(), "{}", a.name);
            assert!(contains(&a.outline, a.label), "{} label", a.name);
            for m in &map.markers {
                assert!(label_clear_of(a.label, a.name.chars().count(), m.at), "{}'s name covers {}", a.name, m.name);
            }
            for b in map.areas.iter().filter(|b| b.name != a.name) {
                assert!(
                    labels_apart(a.label, a.name.chars().count(), b.label, b.name.chars().count()),
                    "{} / {}",
                    a.name,
                    b.name
                );
            }
        }
        // Every branch marker inside its own county; the hub inside 临河区.
        assert_eq!(map.markers.len(), 8);
        for m in &map.markers {
            let area = map.areas.iter().find(|a| a.region_code == m.region_code).unwrap();
            assert!(contains(&area.outline, m.at), "{} at {:?}", m.name, m.at);
        }
        // Markers at least 20 units apart, so they can be told apart and tapped.
        for (i, a) in map.markers.iter().enumerate() {
            for b in &map.markers[i + 1..] {
                let d = ((a.at[0] - b.at[0]).powi(2) + (a.at[1] - b.at[1]).powi(2)).sqrt();
                assert!(d >= 20.0, "{} and {} are {d} apart", a.name, b.name);
            }
        }
        // Geography: the 乌拉特 banners in the north are the largest; the river is the south.
        let area = |n: &str| signed_area(&map.areas.iter().find(|a| a.name == n).unwrap().outline).abs();
        assert!(area("乌拉特后旗") > area("临河区") * 4.0);
        assert!(area("乌拉特中旗") > area("五原县") * 4.0);
        let river_y = map.river.iter().map(|p| p[1]).fold(f64::MAX, f64::min);
        let north_y = map.areas.iter().find(|a| a.name == "乌拉特中旗").unwrap().label[1];
        assert!(north_y < river_y);
    }
}
