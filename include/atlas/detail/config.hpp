// atlas internals: header-only (the default) or separately compiled.
//
// Header-only: include the headers and use them; every definition is inline.
// Separate compilation (faster builds): define ATLAS_SEPARATE_COMPILATION everywhere, and compile
// <atlas/src.hpp> in exactly one translation unit (or link Meson's `atlas-compiled` dependency).
// The headers then declare the library's functions and leave their definitions to that unit,
// the way Boost.JSON's src.hpp does.
#ifndef ATLAS_DETAIL_CONFIG_HPP
#define ATLAS_DETAIL_CONFIG_HPP

#if defined(ATLAS_SEPARATE_COMPILATION)
#define ATLAS_DECL
#else
#define ATLAS_HEADER_ONLY 1
#define ATLAS_DECL inline
#endif

#endif
