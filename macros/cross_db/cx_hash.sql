{#-
    cx_hash(expression)

    A keyed, one-way pseudonym for PII (e.g. a social handle), so marts can count and join people
    without carrying the raw value: HMAC-SHA256 (RFC 2104) of the value's UTF-8 bytes under the
    key of cx_pii_hash_key(), as 64 hex digits. Null stays null. The same key gives the same hash
    on DuckDB, PostgreSQL and Spark, and the same as Python's
    hmac.new(key, value, hashlib.sha256).hexdigest(). Without the key, a list of known handles
    cannot be hashed to find who is who (as it could with a plain or salted md5).

    The key's two HMAC pads (key XOR 0x36 / 0x5c, padded to 64 bytes) are computed here at
    compile time and written into the SQL as hex literals: compiled SQL under target/ holds key
    material, so keep target/ as private as the key.
-#}
{% macro cx_hash(expression) -%}
    {%- set key = cx_pii_hash_key() -%}
    {%- set codes = {} -%}
    {%- for code in range(32, 127) -%}
        {%- do codes.update({'%c' % code: code}) -%}
    {%- endfor -%}
    {%- if key | length > 64 -%}
        {{ exceptions.raise_compiler_error('cx_pii_hash_key: at most 64 characters (a longer key adds nothing)') }}
    {%- endif -%}
    {%- set pads = {'inner': [], 'outer': []} -%}
    {%- for position in range(64) -%}
        {%- set character = key[position] if position < key | length else none -%}
        {%- if character is not none and character not in codes -%}
            {{ exceptions.raise_compiler_error('cx_pii_hash_key: printable ASCII characters only') }}
        {%- endif -%}
        {%- set byte = codes[character] if character is not none else 0 -%}
        {%- for pad_name, pad in [('inner', 54), ('outer', 92)] -%}
            {%- set xor = namespace(value=0) -%}
            {%- for bit in range(8) -%}
                {%- if (byte // 2 ** bit) % 2 != (pad // 2 ** bit) % 2 -%}
                    {%- set xor.value = xor.value + 2 ** bit -%}
                {%- endif -%}
            {%- endfor -%}
            {%- do pads[pad_name].append('%02x' % xor.value) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(adapter.dispatch('cx_hash', 'cx_metrics')(expression, pads['inner'] | join, pads['outer'] | join)) }}
{%- endmacro %}

{#- DuckDB: sha256 of a blob gives hex text; unhex turns the inner digest back into bytes. -#}
{% macro default__cx_hash(expression, inner_pad, outer_pad) -%}
    case
        when {{ expression }} is not null then sha256(
            unhex('{{ outer_pad }}') || unhex(sha256(unhex('{{ inner_pad }}') || encode({{ expression }})))
        )
    end
{%- endmacro %}

{% macro duckdb__cx_hash(expression, inner_pad, outer_pad) -%}
    {{ default__cx_hash(expression, inner_pad, outer_pad) }}
{%- endmacro %}

{#- PostgreSQL 11+: sha256(bytea) returns bytea. -#}
{% macro postgres__cx_hash(expression, inner_pad, outer_pad) -%}
    case
        when {{ expression }} is not null then encode(sha256(
            decode('{{ outer_pad }}', 'hex')
            || sha256(decode('{{ inner_pad }}', 'hex') || convert_to({{ expression }}, 'UTF8'))
        ), 'hex')
    end
{%- endmacro %}

{#- Spark: sha2(binary, 256) gives hex text. -#}
{% macro spark__cx_hash(expression, inner_pad, outer_pad) -%}
    case
        when {{ expression }} is not null then sha2(concat(
            unhex('{{ outer_pad }}'),
            unhex(sha2(concat(unhex('{{ inner_pad }}'), encode({{ expression }}, 'UTF-8')), 256))
        ), 256)
    end
{%- endmacro %}
