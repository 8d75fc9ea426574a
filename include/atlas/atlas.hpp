// atlas: everything, in one include.
#ifndef ATLAS_ATLAS_HPP
#define ATLAS_ATLAS_HPP

#include <atlas/channel.hpp>
#include <atlas/config.hpp>
#include <atlas/convert.hpp>
#include <atlas/datetime.hpp>
#include <atlas/diagnostic.hpp>
#include <atlas/enums.hpp>
#include <atlas/field.hpp>
#include <atlas/field_info.hpp>
#include <atlas/fields.hpp>
#include <atlas/options.hpp>
#include <atlas/report.hpp>
#include <atlas/request.hpp>
#include <atlas/response.hpp>
#include <atlas/rule_context.hpp>
#include <atlas/rules.hpp>
#include <atlas/schema.hpp>
#include <atlas/timezone.hpp>
#include <atlas/validate.hpp>
#include <atlas/validate_typed.hpp>
#include <atlas/validator.hpp>
#include <atlas/version.hpp>

#endif
