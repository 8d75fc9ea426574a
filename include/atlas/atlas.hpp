// atlas: everything, in one include.
#ifndef ATLAS_ATLAS_HPP
#define ATLAS_ATLAS_HPP

#include <atlas/channel.hpp>
#include <atlas/convert.hpp>
#include <atlas/enums.hpp>
#include <atlas/field.hpp>
#include <atlas/field_info.hpp>
#include <atlas/fields.hpp>
#include <atlas/request.hpp>
#include <atlas/response.hpp>
#include <atlas/version.hpp>

#endif
