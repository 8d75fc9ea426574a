// atlas: convenience umbrella; the same as <atlas/atlas.hpp>.
#ifndef ATLAS_HPP
#define ATLAS_HPP
#include <atlas/atlas.hpp>
#endif
