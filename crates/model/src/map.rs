//! The map of the city's county-level units (旗县区), drawn by the app as inline SVG from
//! `data/map.json`: simplified outlines and station markers already projected into the SVG's
//! coordinate space, so the app does no geography and needs no tile server.
//!
//! The data tool projects longitude/latitude with [`Projection`]: an equirectangular projection
//! whose x axis is shrunk by the cosine of the middle latitude, which keeps shapes recognisable
//! at a city's scale (distortion well under 1 % across Bayannur's 2.5° of latitude).

use serde::{Deserialize, Serialize};

use crate::station::StationTier;

/// A point in SVG user units (x to the right, y down).
pub type Point = [f64; 2];

/// Longitude/latitude in degrees → SVG units, fitted to a bounding box with a margin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    west: f64,
    north: f64,
    /// SVG units per degree of latitude; longitude gets `scale * cos(mid latitude)`.
    scale: f64,
    x_factor: f64,
    margin: f64,
    pub width: f64,
    pub height: f64,
}

impl Projection {
    /// Fit the box `[west, east] × [south, north]` into `width` units plus `margin` on each side;
    /// the height follows from the shape.
    pub fn fit(west: f64, east: f64, south: f64, north: f64, width: f64, margin: f64) -> Projection {
        let x_factor = ((south + north) / 2.0).to_radians().cos();
        let inner = (width - 2.0 * margin).max(1.0);
        let scale = inner / ((east - west).max(1e-9) * x_factor);
        let height = (north - south) * scale + 2.0 * margin;
        Projection { west, north, scale, x_factor, margin, width, height }
    }

    /// Project a longitude/latitude to SVG units, rounded to 0.1 so files stay small and stable.
    pub fn project(&self, lon: f64, lat: f64) -> Point {
        let x = self.margin + (lon - self.west) * self.x_factor * self.scale;
        let y = self.margin + (self.north - lat) * self.scale;
        [round1(x), round1(y)]
    }
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// One county-level unit's outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MapArea {
    /// Region code, e.g. "150802"; the station list filters by it.
    pub region_code: String,
    pub name: String,
    /// The outline, at least 3 points, not closed (the last point joins the first).
    pub outline: Vec<Point>,
    /// Where the name is written (inside the outline).
    pub label: Point,
}

/// A station on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MapMarker {
    pub station_id: String,
    pub name: String,
    pub tier: StationTier,
    pub region_code: String,
    pub at: Point,
}

/// `data/map.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegionMap {
    pub format_version: u32,
    /// The SVG viewBox is `0 0 width height`.
    pub width: f64,
    pub height: f64,
    pub areas: Vec<MapArea>,
    /// The Yellow River (黄河) as a line, west to east.
    pub river: Vec<Point>,
    pub markers: Vec<MapMarker>,
    /// Where the outlines come from and how simplified they are.
    pub note: String,
}

/// The outline as an SVG path `d` attribute ("M x y L x y … Z").
pub fn path_d(points: &[Point]) -> String {
    line_d(points) + " Z"
}

/// An open line as an SVG path `d` attribute.
pub fn line_d(points: &[Point]) -> String {
    let mut d = String::new();
    for (i, [x, y]) in points.iter().enumerate() {
        d.push_str(if i == 0 { "M" } else { " L" });
        d.push_str(&format!("{x} {y}"));
    }
    d
}

/// Signed area by the shoelace formula (positive when the points run clockwise on screen).
pub fn signed_area(points: &[Point]) -> f64 {
    let n = points.len();
    (0..n)
        .map(|i| {
            let ([x1, y1], [x2, y2]) = (points[i], points[(i + 1) % n]);
            x1 * y2 - x2 * y1
        })
        .sum::<f64>()
        / 2.0
}

/// Whether `p` is inside the polygon (even-odd rule).
pub fn contains(points: &[Point], p: Point) -> bool {
    let n = points.len();
    let mut inside = false;
    for i in 0..n {
        let ([xi, yi], [xj, yj]) = (points[i], points[(i + n - 1) % n]);
        if (yi > p[1]) != (yj > p[1]) && p[0] < (xj - xi) * (p[1] - yi) / (yj - yi) + xi {
            inside = !inside;
        }
    }
    inside
}

fn segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool {
    let orient = |p: Point, q: Point, r: Point| (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
    let (d1, d2) = (orient(c, d, a), orient(c, d, b));
    let (d3, d4) = (orient(a, b, c), orient(a, b, d));
    ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0)) && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
}

/// What is wrong with an outline, in Chinese, for the validator: too few points, points off the
/// map, no area, or edges that cross (a bowtie draws a wrong shape).
pub fn outline_problems(points: &[Point], width: f64, height: f64) -> Vec<String> {
    let mut out = Vec::new();
    if points.len() < 3 {
        out.push(format!("轮廓只有 {} 个点，至少需要 3 个", points.len()));
        return out;
    }
    if points.iter().any(|[x, y]| !x.is_finite() || !y.is_finite() || *x < 0.0 || *y < 0.0 || *x > width || *y > height)
    {
        out.push("有点在地图范围之外".to_string());
    }
    if signed_area(points).abs() < 1.0 {
        out.push("轮廓面积为零".to_string());
    }
    let n = points.len();
    'outer: for i in 0..n {
        for j in i + 1..n {
            // Neighbouring edges share a point; they cannot cross properly.
            if j == i + 1 || (i == 0 && j == n - 1) {
                continue;
            }
            if segments_cross(points[i], points[(i + 1) % n], points[j], points[(j + 1) % n]) {
                out.push(format!("第 {} 条边与第 {} 条边相交", i + 1, j + 1));
                break 'outer;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_fits_the_box_and_keeps_north_up() {
        let p = Projection::fit(105.0, 110.0, 40.0, 42.5, 600.0, 10.0);
        assert_eq!(p.project(105.0, 42.5), [10.0, 10.0]);
        let [x, y] = p.project(110.0, 40.0);
        assert!((x - 590.0).abs() < 0.11, "{x}");
        assert!((y - (p.height - 10.0)).abs() < 0.11, "{y} {}", p.height);
        // North is up, east is right.
        assert!(p.project(107.0, 41.0)[1] < p.project(107.0, 40.5)[1]);
        assert!(p.project(107.5, 41.0)[0] > p.project(107.0, 41.0)[0]);
        // A degree of longitude is shorter than a degree of latitude at 41°N (cos 41° ≈ 0.755).
        let dx = p.project(108.0, 41.0)[0] - p.project(107.0, 41.0)[0];
        let dy = p.project(107.0, 40.0)[1] - p.project(107.0, 41.0)[1];
        assert!((dx / dy - 0.755).abs() < 0.01, "{}", dx / dy);
    }

    #[test]
    fn outline_checks() {
        let square = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]];
        assert!(outline_problems(&square, 20.0, 20.0).is_empty());
        assert_eq!(signed_area(&square), 100.0);
        assert!(contains(&square, [5.0, 5.0]));
        assert!(!contains(&square, [15.0, 5.0]));
        let bowtie = [[0.0, 0.0], [10.0, 10.0], [10.0, 0.0], [0.0, 10.0]];
        assert!(outline_problems(&bowtie, 20.0, 20.0).iter().any(|p| p.contains("相交")), "bowtie");
        assert!(outline_problems(&square, 5.0, 20.0).iter().any(|p| p.contains("范围之外")));
        assert!(outline_problems(&square[..2], 20.0, 20.0).iter().any(|p| p.contains("至少需要 3 个")));
        let flat = [[0.0, 0.0], [5.0, 0.0], [10.0, 0.0]];
        assert!(outline_problems(&flat, 20.0, 20.0).iter().any(|p| p.contains("面积为零")));
    }

    #[test]
    fn paths() {
        assert_eq!(path_d(&[[1.0, 2.0], [3.5, 4.0], [5.0, 6.0]]), "M1 2 L3.5 4 L5 6 Z");
        assert_eq!(line_d(&[[1.0, 2.0], [3.0, 4.0]]), "M1 2 L3 4");
    }
}
