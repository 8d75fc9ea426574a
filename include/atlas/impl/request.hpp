// atlas: the compile-time proof that the typed request reflects its field table. Compiled with the
// definitions (once, in src.hpp's translation unit, under separate compilation): the proof walks
// every reflected member, which users who only include the header need not pay for again.
#ifndef ATLAS_IMPL_REQUEST_HPP
#define ATLAS_IMPL_REQUEST_HPP

#include <atlas/request.hpp>

namespace atlas {
static_assert(detail::model_matches_fields<update_campaign_request>(),
    "update_campaign_request must reflect request_fields exactly (names, order, types)");
static_assert(detail::model_matches_fields<campaign_call>(), "campaign_call must reflect call_fields exactly");
} // namespace atlas

#endif
