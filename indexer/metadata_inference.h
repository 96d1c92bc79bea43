// Internal to page segmentation: the outlet and the publication date of a page that came
// without metadata, inferred from lines of the laid-out page.
//
// Outlet evidence, strongest first: a copyright line ("© The Asia Business Daily(...)"),
// a "More ... From <site>" header, a tagline ("<Site> - The No. 1 Source for ..."), the
// site speaking of itself ("<Site> Media interviewed ..."; "Media" is dropped).
//
// Date evidence, strongest first: a "Published"/"Posted" line near the article, a date
// line or dated byline below the headline and above the first paragraph, a dateline
// opening the body ("SEOUL, March 3, 2023 (Yonhap) --"), an "Updated" line. A date in a
// sentence (about an event: "died June 20, 1961"), above the headline (the capture date)
// or in a comment is never used.
#pragma once

#include "indexer/segment.h"
#include "indexer/segment_lines.h"

#include <optional>

namespace corpus::indexer {

std::optional<InferredValue> infer_outlet(const segment_detail::PageLayout& layout);
std::optional<InferredValue> infer_date(const segment_detail::PageLayout& layout);

}  // namespace corpus::indexer
