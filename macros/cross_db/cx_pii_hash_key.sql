{#-
    cx_pii_hash_key(): the key of cx_hash. The var cx_pii_hash_key when set, else the environment
    variable CX_PII_HASH_KEY. When neither is set: on the demo data (cx_source unset, demo seeds on)
    the published demo key 'cx-metrics-demo'; on your own data a warning and the empty key, which
    makes the hash unkeyed (anyone can hash a known handle and find it).
-#}
{% macro cx_pii_hash_key() -%}
    {%- set key = var('cx_pii_hash_key', none) or env_var('CX_PII_HASH_KEY', '') -%}
    {%- if key -%}
        {{ return(key | string) }}
    {%- elif var('cx_source', none) is none and var('cx_demo_seeds_enabled', true) -%}
        {{ return('cx-metrics-demo') }}
    {%- else -%}
        {%- if execute -%}
            {%- do exceptions.warn(
                'cx-metrics privacy: no key for hashing social handles (set the environment variable'
                ~ ' CX_PII_HASH_KEY or the var cx_pii_hash_key, README "Privacy"): hashes are unkeyed'
                ~ ' and can be reversed by hashing known handles.'
            ) -%}
        {%- endif -%}
        {{ return('') }}
    {%- endif -%}
{%- endmacro %}
