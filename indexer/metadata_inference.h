// The outlet, publication date and title of a page that came without metadata, inferred
// from lines of the laid-out page. Unknown beats wrong: a value is only taken from
// evidence that speaks for this article.
//
// Outlet evidence, strongest first: a copyright line ("© The Asia Business Daily(...)"),
// a "More ... From <site>" header, a tagline ("<Site> - The No. 1 Source for ..."), the
// site speaking of itself ("<Site> Media interviewed ..."; "Media" is dropped). The value
// must be shaped like a name: a few capitalised words or a domain, never markup or a
// sentence fragment ("And since", "This e-mail is Copyright").
//
// Date evidence, strongest first: a "Published"/"Posted" line near the article, a date
// line or dated byline below the headline and above the first paragraph, a dateline
// opening the body ("SEOUL, March 3, 2023 (Yonhap) --"), an "Updated" line. A date in a
// sentence (about an event: "died June 20, 1961"), above the headline (the capture date),
// in a comment, in a field other than a publication one ("Reply-By:", "Expires:", "Sent:",
// a mail's header block) or a capture note ("Retrieved June 18, 2024") is never used.
//
// Neither comes from another message quoted or forwarded in the page: nothing from the
// first quoted line ("> ..."), "-----Original Message-----", "Forwarded message" or
// "On ... wrote:" on.
#pragma once

#include "indexer/segment.h"
#include "indexer/segment_lines.h"

#include <optional>

namespace corpus::indexer {

std::optional<InferredValue> infer_outlet(const segment_detail::PageLayout& layout);
std::optional<InferredValue> infer_date(const segment_detail::PageLayout& layout);

// Whether a line found heading a page may stand as its title: never navigation or
// promotional text ("Skip to content", "Menu", "Trending: ...", "Sign in"), a list joined
// by "·" or "|", a salutation (ending in ':' or ','), a line holding a URL, or a mail
// header field other than "Subject:".
bool may_be_title(std::string_view line);

}  // namespace corpus::indexer
