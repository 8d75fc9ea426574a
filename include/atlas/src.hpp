// atlas: the definitions, for separate compilation.
//
// Define ATLAS_SEPARATE_COMPILATION in every translation unit that uses atlas, and include this
// header in exactly one of them (Meson: link the `atlas-compiled` dependency instead). Without
// ATLAS_SEPARATE_COMPILATION the library is header-only and this file is not needed.
#ifndef ATLAS_SRC_HPP
#define ATLAS_SRC_HPP

#ifndef ATLAS_SEPARATE_COMPILATION
#error "atlas/src.hpp is for separate compilation: define ATLAS_SEPARATE_COMPILATION"
#endif

#include <atlas/impl/checks.hpp>
#include <atlas/impl/config.hpp>
#include <atlas/impl/convert.hpp>
#include <atlas/impl/options.hpp>
#include <atlas/impl/report.hpp>
#include <atlas/impl/request.hpp>
#include <atlas/impl/response.hpp>
#include <atlas/impl/rule_context.hpp>
#include <atlas/impl/schema.hpp>
#include <atlas/impl/validate.hpp>
#include <atlas/impl/validate_typed.hpp>
#include <atlas/impl/validator.hpp>

#endif
