"""Exports for a real CRM and for calendars, made from the same knowledge base as the site.

- `crm_csv`: companies and contacts as CSV with HubSpot's import column names.
- `vcard`: contacts as vCard 4.0, for address books.
- `calendar`: open follow-ups with a due date as iCalendar events, also published on the site
  so people can subscribe.
"""
