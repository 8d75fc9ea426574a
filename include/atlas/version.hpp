// atlas: validation for the Atlas "Update full campaign" endpoint.
#ifndef ATLAS_VERSION_HPP
#define ATLAS_VERSION_HPP

#include <string_view>

#define ATLAS_VERSION_MAJOR 0
#define ATLAS_VERSION_MINOR 1
#define ATLAS_VERSION_PATCH 0

namespace atlas {

/// The library's version, "major.minor.patch".
inline constexpr std::string_view version = "0.1.0";

} // namespace atlas

#endif
