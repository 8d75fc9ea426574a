// atlas: out-of-line definitions for validator.hpp.
#ifndef ATLAS_IMPL_VALIDATOR_HPP
#define ATLAS_IMPL_VALIDATOR_HPP

#include <atlas/detail/checker.hpp>
#include <atlas/impl/validate.hpp>
#include <atlas/validator.hpp>

#include <utility>

namespace atlas {

ATLAS_DECL validator::validator() : workspace_(std::make_unique<detail::workspace>()) {}
ATLAS_DECL validator::validator(atlas::options opts)
    : options_(std::move(opts)), workspace_(std::make_unique<detail::workspace>())
{
}
ATLAS_DECL validator::~validator() = default;
ATLAS_DECL validator::validator(validator&&) noexcept = default;
ATLAS_DECL validator& validator::operator=(validator&&) noexcept = default;

ATLAS_DECL report validator::validate_request(std::string_view json_text) noexcept
{
    if (!workspace_) // moved from
        return atlas::validate_request(json_text, options_);
    report r = detail::validate_request_text(json_text, options_, *workspace_);
    trim(json_text.size());
    return r;
}

ATLAS_DECL report validator::validate_response(std::string_view json_text) noexcept
{
    if (!workspace_)
        return atlas::validate_response(json_text, options_);
    report r = detail::validate_response_text(json_text, options_, *workspace_);
    trim(json_text.size());
    return r;
}

inline void validator::trim(std::size_t payload_size) noexcept
{
    if (payload_size > keep_memory_up_to)
        *workspace_ = detail::workspace{};
}

} // namespace atlas

#endif
