// atlas: the compile-time proof that the typed response reflects its field table (see impl/request.hpp).
#ifndef ATLAS_IMPL_RESPONSE_HPP
#define ATLAS_IMPL_RESPONSE_HPP

#include <atlas/response.hpp>

namespace atlas {
static_assert(detail::model_matches_fields<campaign_response>(),
    "campaign_response must reflect response_fields exactly (names, order, types)");
} // namespace atlas

#endif
