/**
 * Size and depth limits that are part of the schemas. Input beyond a limit fails validation
 * with a message naming the limit; every limit is listed in the "Limits and errors" guide.
 *
 * Lists a host passes whole (files to count, children to pair, contact records) have no limit:
 * their cost grows linearly and the host chooses their size.
 * @module
 */

/**
 * Longest id (`id`, `childId`, `schoolId`, …), in UTF-16 code units.
 * @example
 * IdSchema.safeParse("x".repeat(MAX_ID_LENGTH + 1)).success //=> false
 * @category Limits
 */
export const MAX_ID_LENGTH = 64;

/**
 * Longest name of a person (child, parent, guardian, emergency contact, mentor, donor).
 * @example
 * MAX_NAME_LENGTH //=> 50
 * @category Limits
 */
export const MAX_NAME_LENGTH = 50;

/**
 * Longest short text: a relation, a city, an occupation, an employer, the name of a school,
 * class, area or item.
 * @example
 * MAX_SHORT_TEXT_LENGTH //=> 100
 * @category Limits
 */
export const MAX_SHORT_TEXT_LENGTH = 100;

/**
 * Longest postal address, workplace or place of a contact.
 * @example
 * MAX_ADDRESS_LENGTH //=> 200
 * @category Limits
 */
export const MAX_ADDRESS_LENGTH = 200;

/**
 * Longest title of a wish or an activity.
 * @example
 * MAX_TITLE_LENGTH //=> 200
 * @category Limits
 */
export const MAX_TITLE_LENGTH = 200;

/**
 * Longest free text: notes, summaries, descriptions, health notes, the reason for a change.
 * @example
 * MAX_TEXT_LENGTH //=> 2000
 * @category Limits
 */
export const MAX_TEXT_LENGTH = 2000;

/**
 * Most guardians (carers) on one child file.
 * @example
 * MAX_GUARDIANS //=> 20
 * @category Limits
 */
export const MAX_GUARDIANS = 20;

/**
 * Most parents on one child file.
 * @example
 * MAX_PARENTS //=> 2
 * @category Limits
 */
export const MAX_PARENTS = 2;

/**
 * Most emergency contacts on one child file.
 * @example
 * MAX_EMERGENCY_CONTACTS //=> 20
 * @category Limits
 */
export const MAX_EMERGENCY_CONTACTS = 20;

/**
 * Most away periods (外出时段) of one parent: one a month for more than forty years.
 * @example
 * MAX_AWAY_PERIODS //=> 500
 * @category Limits
 */
export const MAX_AWAY_PERIODS = 500;

/**
 * Most entries in a small list inside one record: goods in an aid, the history of a wish, the
 * classes of a mentor.
 * @example
 * MAX_ITEMS //=> 200
 * @category Limits
 */
export const MAX_ITEMS = 200;

/**
 * Most ids listed by one record (children at an activity or a talk, mentors at an activity).
 * @example
 * MAX_IDS_PER_RECORD //=> 10000
 * @category Limits
 */
export const MAX_IDS_PER_RECORD = 10_000;

/**
 * Most answers in one assessment.
 * @example
 * MAX_RESPONSES //=> 1000
 * @category Limits
 */
export const MAX_RESPONSES = 1000;

/**
 * Deepest nesting of objects and arrays in a value that is not checked field by field: a patch
 * value in a file's history, or what an update recipe returns. A child file itself nests six
 * levels deep.
 * @example
 * MAX_DEPTH //=> 32
 * @category Limits
 */
export const MAX_DEPTH = 32;

/**
 * Most patches in one recorded change of a child file.
 * @example
 * MAX_PATCHES_PER_CHANGE //=> 10000
 * @category Limits
 */
export const MAX_PATCHES_PER_CHANGE = 10_000;

/**
 * Most issues one `ValidationError` lists; beyond it a last issue (`too_many_issues`) says how
 * many more there were. Converting and masking every issue of a 100,000-row input would cost
 * more than it tells.
 * @example
 * MAX_ISSUES //=> 200
 * @category Limits
 */
export const MAX_ISSUES = 200;
