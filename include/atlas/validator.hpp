// atlas: a reusable validator for streams of payloads.
//
//   atlas::validator v(options);
//   for (std::string_view payload : payloads)
//       if (auto r = v.validate_request(payload); !r.valid()) ...
//
// It keeps its options and the scratch memory one validation needs, so that in steady state a
// valid payload costs no heap allocation. One validator per thread: it is not thread-safe.
#ifndef ATLAS_VALIDATOR_HPP
#define ATLAS_VALIDATOR_HPP

#include <atlas/validate.hpp>

#include <cstddef>
#include <string_view>
#include <utility>

namespace atlas {

class validator {
public:
    validator() = default;
    explicit validator(atlas::options opts) : options_(std::move(opts)) {}

    report validate_request(std::string_view json_text) noexcept
    {
        report r = detail::validate_request_text(json_text, options_, workspace_);
        trim(json_text.size());
        return r;
    }

    report validate_response(std::string_view json_text) noexcept
    {
        report r = detail::validate_response_text(json_text, options_, workspace_);
        trim(json_text.size());
        return r;
    }

    const atlas::options& options() const noexcept { return options_; }
    atlas::options& options() noexcept { return options_; }

    /// Payloads larger than this do not leave their buffers behind in the validator.
    static constexpr std::size_t keep_memory_up_to = 1u << 20;

private:
    void trim(std::size_t payload_size) noexcept
    {
        if (payload_size > keep_memory_up_to)
            workspace_ = detail::workspace{};
    }

    atlas::options options_;
    detail::workspace workspace_;
};

} // namespace atlas

#endif
