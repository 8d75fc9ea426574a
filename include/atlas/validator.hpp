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

#include <atlas/detail/config.hpp>
#include <atlas/options.hpp>
#include <atlas/report.hpp>

#include <cstddef>
#include <memory>
#include <string_view>

namespace atlas {

namespace detail {
struct workspace;
}

class validator {
public:
    ATLAS_DECL validator();
    ATLAS_DECL explicit validator(atlas::options opts);
    ATLAS_DECL ~validator();
    ATLAS_DECL validator(validator&&) noexcept;
    ATLAS_DECL validator& operator=(validator&&) noexcept;

    ATLAS_DECL report validate_request(std::string_view json_text) noexcept;
    ATLAS_DECL report validate_response(std::string_view json_text) noexcept;

    const atlas::options& options() const noexcept { return options_; }
    atlas::options& options() noexcept { return options_; }

    /// Payloads larger than this do not leave their buffers behind in the validator.
    static constexpr std::size_t keep_memory_up_to = 1u << 20;

private:
    void trim(std::size_t payload_size) noexcept;

    atlas::options options_;
    std::unique_ptr<detail::workspace> workspace_; // behind a pointer: keeps the reader out of this header
};

} // namespace atlas

#ifdef ATLAS_HEADER_ONLY
#include <atlas/impl/validator.hpp>
#endif

#endif
