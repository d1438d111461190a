"""The sentence templates of the generated news corpus (bench/newsgen.py): our own words.

Slots: ``{p}``/``{p2}`` people (with ``{p_title}``, the title a person holds, and ``{p_of}``,
the group or country they serve), ``{g}``/``{g2}`` armed groups, ``{c}``/``{c2}`` countries
(``{c_adj}`` their adjective), ``{city}``/``{city2}`` towns (``{city_c}`` the country of
``{city}``), ``{region}`` a region, ``{org}`` an international body, ``{day}`` a day
("on Monday"), ``{n}`` a small number, ``{month}`` a month.
"""
from __future__ import annotations

HEADLINES = {
    "attack": ["{g} fighters attack army posts near {city}",
               "Dozens killed as rockets hit {city}",
               "{c} strikes {g} positions in {region}",
               "Gunmen storm police station in {city}"],
    "sanction": ["{c} imposes sanctions on {g} financiers",
                 "{org} members agree new measures against {g}",
                 "Treasury targets {p} over weapons deliveries"],
    "visit": ["{p} in {city} for talks on the ceasefire",
              "{c_adj} minister visits {city2} as fighting continues",
              "{p} and {p2} meet in {city}"],
    "leader": ["{g} names {p} as its new commander",
               "{c} replaces army chief after defeats in {region}",
               "Who is {p}, the new face of {g}?"],
    "alliance": ["{g} and {g2} announce joint command",
                 "{c} and {c2} sign defence pact",
                 "{c} steps up support for {g}"],
}

TOPIC = {
    "attack": [
        "{g} fighters attacked a military post near {city} {day}, killing {n} soldiers.",
        "Rockets fired by {g} struck a residential district of {city} overnight, local officials said.",
        "{c} carried out air strikes against {g} positions in {region} {day}.",
        "{g} claimed responsibility for the bombing of a market in {city}.",
        "At least {n} people were killed when gunmen stormed a police station in {city}, {city_c}.",
        "{p}, a senior commander of {g}, was killed in a drone strike outside {city} {day}.",
        "The army said it had repelled an assault by {g} on the airport of {city}.",
        "Witnesses said the attackers arrived on motorcycles and set fire to the town hall.",
        "{g} ambushed a convoy of {c_adj} troops on the road between {city} and {city2}.",
        "A car bomb exploded near the offices of the governor of {region}, wounding {n} guards.",
        "{c} accused {g} of shelling villages along the border {day}.",
        "The attack was the deadliest in {region} since {month}.",
    ],
    "sanction": [
        "{c} imposed sanctions on {p} and {n} other officials of {g} {day}.",
        "The Treasury Department designated {g} as a terrorist organisation and froze its assets.",
        "{org} sanctioned {n} companies accused of supplying weapons to {g}.",
        "{p} was added to the sanctions list for financing the operations of {g} in {region}.",
        "The measures bar {c_adj} banks from doing business with firms linked to {g}.",
        "{c2} condemned the sanctions as an attack on its sovereignty.",
        "Officials in {c} said the network had moved money through exchange houses in {city}.",
        "{c} also imposed a travel ban on {p}, who is accused of buying drones for {g}.",
    ],
    "visit": [
        "{p} visited {city} {day} for talks with {p2} on the ceasefire.",
        "{p} arrived in {city} on a two-day visit, the first by a {c_adj} official in {n} years.",
        "{p} met {p2} in {city} to discuss the exchange of prisoners.",
        "During the visit, {p} toured a camp for displaced families outside {city2}.",
        "{p} travelled to {city2} after meeting leaders of {org}.",
        "The two sides agreed to meet again in {city} next month, a joint statement said.",
        "{p2} hosted a delegation from {c} at the presidential palace {day}.",
        "{p} is expected to visit {c2} later this year.",
    ],
    "leader": [
        "{g} appointed {p} as its commander after the death of {p2}.",
        "{p}, the leader of {g}, said the movement would keep fighting until {c} withdrew.",
        "{c_adj} President {p} dismissed the chief of staff of the army, {p2}, {day}.",
        "{p} took command of the {g} units in {region} last year.",
        "{p2}, a founding member of {g}, was arrested in {city} in {month}.",
        "{p} served as a spokesman for {g} before he became its deputy leader.",
        "The new defence minister, {p}, is a former governor of {region}.",
        "{p} was named head of the intelligence service of {c} {day}.",
    ],
    "alliance": [
        "{g} and {g2} announced an alliance against the government of {c}.",
        "{c} has supplied {g} with drones and training, according to a report by {org}.",
        "{c} and {c2} signed a defence cooperation agreement in {city} {day}.",
        "{g} has received money and weapons from {c} since {month}, officials said.",
        "Fighters of {g} and {g2} carried out joint raids in {region}.",
        "{c} denied supporting {g}, calling the report fabricated.",
        "{g2} pledged allegiance to {g} in a video released {day}.",
        "{c2} will send {n} military advisers to {c} under the agreement.",
    ],
}

QUOTES = [
    "\"We will answer every attack on our people,\" {p} told reporters in {city}.",
    "\"{c} will not accept threats from anyone,\" said {p}, a spokesman for the {c_adj} government.",
    "{p} condemned the attack, calling it \"a crime against civilians\".",
    "\"The talks were frank and useful,\" {p} said after meeting {p2}.",
    "\"Those who finance {g} will be held to account,\" {p} said in a statement.",
    "\"Our fighters are ready,\" {p} said in a recorded message, without giving details.",
    "\"We call on all parties to protect civilians,\" a spokeswoman for {org} said.",
    "\"There can be no peace while {g} holds {city},\" {p} told a rally {day}.",
]

BACKGROUND = [
    "The fighting has displaced more than {n},000 people in {region} since {month}, aid groups say.",
    "{city}, a town of about {n}0,000 people, lies on the main road from {city2} to the border.",
    "Talks brokered by {org} in {city2} collapsed in {month}.",
    "Analysts say {g} has grown stronger since its leaders moved to {region}.",
    "{g} controls large parts of the countryside around {city}.",
    "The government of {c} has struggled to pay soldiers and civil servants this year.",
    "{c} and {c2} have been rivals for decades, each backing different armed groups.",
    "Prices of bread and fuel in {city} have doubled since the start of the year.",
    "{org} has warned that a third of the population of {region} needs food aid.",
    "The border crossing near {city2} has been closed since {month}.",
    "The {c_adj} parliament is due to vote on the budget for the armed forces next week.",
    "Human rights groups have accused both sides of detaining civilians without charge.",
    "{p} has led the ministry since {month}, after a cabinet reshuffle.",
    "Elections planned for {month} have been postponed twice.",
]

CLOSINGS = [
    "It was not possible to verify the reports independently.",
    "{g} did not respond to a request for comment.",
    "The {c_adj} embassy in {city2} declined to comment.",
    "More talks are expected in {city} next week.",
    "Officials said the number of dead could rise.",
]
