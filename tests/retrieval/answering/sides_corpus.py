"""Small articles for the comparison and over-time tests (answering, CLI, Discord): parties,
countries and one person across dated, undated and ambiguously dated articles."""
from __future__ import annotations

ARTICLES = {
    "tax.txt": "Parties clash over tax plans\nDate: 10 February 2005\n\n"
               "Labour MP Stephen Pound said the new tax plans were fair to working families.\n\n"
               "Tory leader Michael Howard said taxes would be cut by four billion pounds under "
               "his party.\n\n"
               "Former Labour MP George Galloway said the tax plans were a disgrace to the "
               "party.\n\n"
               "Mr Howard also said Labour had broken its promises on pensions.\n\n"
               "The Lib Dems said a local income tax should replace the council tax.\n",
    "talks.txt": "Kyiv seeks security guarantees at Istanbul talks\nDate: 2022-03-29\n\n"
                 "Ukraine said it wanted security guarantees from its allies in exchange for "
                 "neutrality.\n\n"
                 "Moscow said it would scale back its military operations near Kyiv.\n\n"
                 "Turkish President Recep Tayyip Erdogan said the talks had brought hope of a "
                 "ceasefire.\n\n"
                 "Critics of the Kremlin argue that the guarantees on offer are empty.\n",
    "early.txt": "Erdogan offers to host talks\nDate: Tuesday 1 March 2022\n\n"
                 "Turkish President Recep Tayyip Erdogan said Turkey was ready to host peace "
                 "talks between the two sides.\n\n"
                 "Mr Erdogan said the war had to end as soon as possible.\n",
    "undated.txt": "Leaders wait for news\n\n"
                   "Turkish President Recep Tayyip Erdogan said the world was waiting for good "
                   "news from the negotiations.\n",
    "ambiguous.txt": "Reporters hear from Ankara\nDate: 03/04/2022\n\n"
                     "Turkish President Recep Tayyip Erdogan said he would call both leaders "
                     "again this week.\n",
    "retail.txt": "Retailer upbeat\n\nMarks and Spencer said its sales had risen in the "
                  "spring.\n",
    "waste.txt": "Nuclear waste plans\n\n"
                 "In a statement the Department of Trade and Industry said there would be "
                 "fewer waste shipments.\n\n"
                 "Trade minister Mike O'Brien said the industry would pay for the clean-up.\n",
    "clarkes.txt": "Two Clarkes\n\n"
                   "Home Secretary Charles Clarke said identity cards would help fight crime."
                   "\n\nMr Charles Clarke said the police supported the plan.\n\n"
                   "Former chancellor Kenneth Clarke said the economy was growing too slowly.\n",
}
