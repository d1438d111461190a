"""Every rule the build can write has one registered function and a case here.

``RULE_CASES`` is the spec of the rules: for each rule name, sentences and the whole set
of facts each yields (subject, relation, object, factuality, rule), nothing spurious.
Sentences are our own, news style; none comes from a gold set.
"""
from __future__ import annotations

import pytest

from extractors.relations.registry import RegistryError, get_rule, rule_names, rules

A, P, H = "asserted", "planned", "hypothetical"

RULE_CASES: dict[str, list[tuple[str, set[tuple[str, str, str, str, str]]]]] = {
    "verb-active": [
        # a verb of mutual violence with an object is one-way: "battling the army"
        ("The RSF has been battling the Sudanese army for control of Khartoum.",
         {("RSF", "attacked", "Sudan", A, "verb-active")}),
        ("The Taliban attacked Kandahar on Sunday.",
         {("Taliban", "attacked", "Kandahar", A, "verb-active")}),
        ("Britain sanctioned several firms, including Acme Corp.",
         {("United Kingdom", "sanctioned", "Acme Corp.", A, "verb-active")}),
        # capturing towns is invading them: every town of the list
        ("Al-Shabaab captured the towns of Dinsoor, Baidoa and Burhakaba on Monday.",
         {("Al-Shabaab", "attacked", "Dinsoor", A, "verb-active"),
          ("Al-Shabaab", "attacked", "Baidoa", A, "verb-active"),
          ("Al-Shabaab", "attacked", "Burhakaba", A, "verb-active")}),
        ("Hezbollah plans to capture the town of Kiryat Shmona.",
         {("Hezbollah", "attacked", "Kiryat Shmona", P, "verb-active")}),
        ("Israel has occupied the West Bank since 1967.",
         {("Israel", "attacked", "West Bank", A, "verb-active")}),
        # the town is only where the capture happened; a denied capture is negated
        ("Al-Shabaab captured two Kenyan soldiers in Baidoa.",
         {("Al-Shabaab", "attacked", "Kenya", A, "verb-active")}),
        ("Al-Shabaab did not capture Baidoa.",
         {("Al-Shabaab", "attacked", "Baidoa", "negated", "verb-active")}),
        # leading a body itself makes its head; leading the body's units or efforts a member
        ("Ahmed Khan leads Hamas.",
         {("Ahmed Khan", "leaderOf", "Hamas", A, "verb-active")}),
        ("Omar Hassan commands al-Shabaab fighters in the south of the country.",
         {("Omar Hassan", "memberOf", "al-Shabaab", A, "verb-active")}),
        ("Khalid Nasser leads Hezbollah's drone program from Beirut.",
         {("Khalid Nasser", "memberOf", "Hezbollah", A, "verb-active")}),
    ],
    "verb-active-prep": [
        # "with" an ally against a common enemy: the enemy only
        ("The YPG fought with American troops against the Islamic State in Raqqa.",
         {("YPG", "attacked", "Islamic State", A, "verb-active-prep")}),
        ("France withdrew from Mali in 2022.",
         {("France", "withdrewFrom", "Mali", A, "verb-active-prep")}),
    ],
    "verb-object-prep": [
        ("Israel launched strikes on Hezbollah.",
         {("Israel", "attacked", "Hezbollah", A, "verb-object-prep")}),
        ("The Taliban took control of the cities of Kunduz and Herat.",
         {("Taliban", "attacked", "Kunduz", A, "verb-object-prep"),
          ("Taliban", "attacked", "Herat", A, "verb-object-prep")}),
        # organising or leading the event is doing it
        ("Los Lobos is accused of orchestrating the assassination of Fernando Ortiz.",
         {("Los Lobos", "killed", "Fernando Ortiz", A, "verb-object-prep")}),
    ],
    "verb-co-argument": [
        ("Israel killed Hassan Nasrallah along with Ali Karaki.",
         {("Israel", "killed", "Hassan Nasrallah", A, "verb-active"),
          ("Israel", "killed", "Ali Karaki", A, "verb-co-argument")}),
    ],
    "verb-shared-object": [
        ("Israeli jets struck and destroyed the Hezbollah headquarters in Beirut.",
         {("Israel", "attacked", "Hezbollah", A, "verb-shared-object"),
          ("Hezbollah", "locatedIn", "Beirut", A, "location-prep")}),
    ],
    "verb-relative": [
        ("Officials blamed Hamas, which attacked Israel in October.",
         {("Hamas", "attacked", "Israel", A, "verb-relative")}),
    ],
    "verb-relative-prep": [
        ("Officials praised France, which withdrew from Mali last year.",
         {("France", "withdrewFrom", "Mali", A, "verb-relative-prep")}),
    ],
    "verb-passive-established": [
        ("Canada sanctioned Hamid Karimi in June. His brother Reza Karimi was sanctioned in July.",
         {("Canada", "sanctioned", "Hamid Karimi", A, "verb-active"),
          ("Canada", "sanctioned", "Reza Karimi", A, "verb-passive-established")}),
    ],
    "verb-passive": [
        ("Ismail Haniyeh was killed by Israel in Tehran.",
         {("Israel", "killed", "Ismail Haniyeh", A, "verb-passive")}),
        ("The Houthis, a militia armed by Iran, fired missiles.",
         {("Iran", "supported", "Houthis", A, "verb-passive")}),
        # who gave the order is the agent: "by decree of", "on the orders of"
        ("Idris Bah was appointed as the new commander of the Republican Guard by decree of "
         "President Sall.",
         {("Sall", "appointed", "Idris Bah", A, "verb-passive"),
          ("Idris Bah", "leaderOf", "Republican Guard", A, "role-title-appositive")}),
        ("President Ali Samir was murdered on the orders of General Hernan Ruiz.",
         {("Hernan Ruiz", "killed", "Ali Samir", A, "verb-passive")}),
    ],
    "verb-passive-event": [
        ("Ali Karaki was killed in an Israeli strike.",
         {("Israel", "killed", "Ali Karaki", A, "verb-passive-event")}),
    ],
    "verb-event-subject": [
        ("The Israeli strike killed Ahmed Ghandour on Sunday.",
         {("Israel", "killed", "Ahmed Ghandour", A, "verb-event-subject")}),
    ],
    "verb-speaker-subject": [
        # "they" no name resolves: the speaker of the reported clause
        ("Iranian officials said they had attacked Erbil.",
         {("Iran", "attacked", "Erbil", A, "verb-speaker-subject")}),
    ],
    "verb-lethal-manner": [
        ("Ahmed Khan was stabbed to death by Ali Reza.",
         {("Ali Reza", "killed", "Ahmed Khan", A, "verb-lethal-manner")}),
    ],
    "verb-judged-event": [
        ("Iraq condemned the attack by Hamas.",
         {("Iraq", "condemned", "Hamas", A, "verb-judged-event")}),
    ],
    "verb-receive-aid": [
        ("Hezbollah has received drones and other support from Iran.",
         {("Iran", "supported", "Hezbollah", A, "verb-receive-aid")}),
        ("Hezbollah enjoys the support of Iran.",
         {("Iran", "supported", "Hezbollah", A, "verb-receive-aid")}),
        ("The Janjaweed, who have had the backing of Sudan, attacked Geneina.",
         {("Sudan", "supported", "Janjaweed", A, "verb-receive-aid"),
          ("Janjaweed", "attacked", "Geneina", A, "verb-active")}),
        ("Hamas does not have the support of Egypt.",
         {("Egypt", "supported", "Hamas", "negated", "verb-receive-aid")}),
    ],
    "clause-while-in": [
        ("Armenian Foreign Minister Ararat Mirzoyan said while in France that talks had stalled.",
         {("Ararat Mirzoyan", "visited", "France", A, "clause-while-in"),
          ("Ararat Mirzoyan", "memberOf", "Armenia", A, "role-title-prenominal")}),
        ("President Emmanuel Macron said while in Berlin that he would resign.",
         {("Emmanuel Macron", "visited", "Berlin", A, "clause-while-in")}),
        ('"The talks have stalled," Armenian Foreign Minister Ararat Mirzoyan told reporters while in Brussels.',
         {("Ararat Mirzoyan", "visited", "Brussels", A, "clause-while-in"),
          ("Ararat Mirzoyan", "memberOf", "Armenia", A, "role-title-prenominal")}),
        ("The talks stalled while in Geneva.", set()),
    ],
    "verb-reciprocal": [
        ("Vladimir Putin and Xi Jinping met in Moscow on Tuesday.",
         {("Vladimir Putin", "contacted", "Xi Jinping", A, "verb-reciprocal")}),
        # a symmetric cue whose partner ("with X") the coordination already names
        ("Chad and Niger agreed to reopen the border.",
         {("Chad", "cooperatedWith", "Niger", A, "verb-reciprocal")}),
        ("Russia and Georgia continue to work on an agreement on new bases.",
         {("Russia", "cooperatedWith", "Georgia", A, "verb-reciprocal")}),
    ],
    "verb-mutual-fire": [
        ("Hezbollah exchanged fire with Israel near the border.",
         {("Hezbollah", "attacked", "Israel", A, "verb-mutual-fire"),
          ("Israel", "attacked", "Hezbollah", A, "verb-mutual-fire")}),
        ("North Korea and South Korea exchanged artillery fire on Tuesday.",
         {("North Korea", "attacked", "South Korea", A, "verb-mutual-fire"),
          ("South Korea", "attacked", "North Korea", A, "verb-mutual-fire")}),
        # a verb that is an exchange: "clash"; a clash over something is a quarrel
        ("Israeli troops clashed with Hamas fighters in Khan Younis.",
         {("Israel", "attacked", "Hamas", A, "verb-mutual-fire"),
          ("Hamas", "attacked", "Israel", A, "verb-mutual-fire")}),
        ("The Sudanese army and the Rapid Support Forces clashed in Khartoum on Sunday.",
         {("Sudan", "attacked", "Rapid Support Forces", A, "verb-mutual-fire"),
          ("Rapid Support Forces", "attacked", "Sudan", A, "verb-mutual-fire")}),
        ("Turkish troops clashed with fighters of the PKK near the border.",
         {("Turkey", "attacked", "PKK", A, "verb-mutual-fire"),
          ("PKK", "attacked", "Turkey", A, "verb-mutual-fire")}),
        ("Iran clashed with the United States over sanctions at the UN.", set()),
        ("Hezbollah did not exchange fire with Israel on Sunday.",
         {("Hezbollah", "attacked", "Israel", "negated", "verb-mutual-fire"),
          ("Israel", "attacked", "Hezbollah", "negated", "verb-mutual-fire")}),
        ("Egypt exchanged prisoners with Israel.", set()),
        # "fight" and "battle" with no object are exchanges too; with an object, one-way
        ("Sudan's army and the Rapid Support Forces have been fighting since April.",
         {("Sudan", "attacked", "Rapid Support Forces", A, "verb-mutual-fire"),
          ("Rapid Support Forces", "attacked", "Sudan", A, "verb-mutual-fire")}),
        # "alongside" an ally: no exchange between them
        ("The Houthis fought alongside the Yemeni army in Marib.", set()),
    ],
    "verb-sent-to": [
        ("Iran sent Ali Larijani to Beirut.",
         {("Iran", "sent", "Ali Larijani", A, "verb-active"),
          ("Ali Larijani", "visited", "Beirut", A, "verb-sent-to")}),
    ],
    "verb-visit-person": [
        ("Antony Blinken visited Mohammed bin Salman in Riyadh.",
         {("Antony Blinken", "visited", "Mohammed bin Salman", A, "verb-active"),
          ("Antony Blinken", "contacted", "Mohammed bin Salman", A, "verb-visit-person")}),
    ],
    "verb-threat-xcomp": [
        ("Hezbollah vowed to strike Haifa.",
         {("Hezbollah", "attacked", "Haifa", P, "verb-active"),
          ("Hezbollah", "threatened", "Haifa", A, "verb-threat-xcomp")}),
    ],
    "verb-threat-speech": [
        ("Kataib Hezbollah said they would attack Erbil.",
         {("Kataib Hezbollah", "attacked", "Erbil", H, "verb-active"),
          ("Kataib Hezbollah", "threatened", "Erbil", A, "verb-threat-speech")}),
    ],
    "verb-hold-complement": [
        ("Ukraine holds Russia responsible for the attack.",
         {("Ukraine", "accused", "Russia", A, "verb-hold-complement")}),
        # a list the parser cut across the object and the complement's subject
        ('Ali Mansour spoke on Friday. "We hold Mr. Obama, Mr. Biden and Mr. Kerry morally '
         'responsible for every single death," he added.',
         {("Ali Mansour", "accused", "Obama", A, "verb-hold-complement"),
          ("Ali Mansour", "accused", "Biden", A, "verb-hold-complement"),
          ("Ali Mansour", "accused", "Kerry", A, "verb-hold-complement"),
          ("Ali Mansour", "hold", "Obama", A, "verb-active")}),
        ("Ukraine held Russia and Belarus accountable for the strikes.",
         {("Ukraine", "accused", "Russia", A, "verb-hold-complement"),
          ("Ukraine", "accused", "Belarus", A, "verb-hold-complement"),
          ("Ukraine", "hold", "Russia", A, "verb-active"),
          ("Ukraine", "hold", "Belarus", A, "verb-active")}),
        ('"We hold Mr. Putin morally responsible for every death," Zelensky said.',
         {("Zelensky", "accused", "Putin", A, "verb-hold-complement")}),
        ("Ukraine does not hold Hungary responsible for the delay.",
         {("Ukraine", "accused", "Hungary", "negated", "verb-hold-complement")}),
        ("The prisoners held the guards responsible.", set()),
    ],
    "verb-refused-request": [
        ("The Red Cross twice requested access to the camps, but Myanmar refused the requests.",
         {("Red Cross", "requested", "Myanmar", A, "verb-refused-request"),
          ("Myanmar", "rejected", "Red Cross", A, "verb-refused-request")}),
        ("Serbia rejected Kosovo's request for talks.",
         {("Serbia", "rejected", "Kosovo", A, "verb-refused-request"),
          ("Kosovo", "requested", "Serbia", A, "verb-refused-request")}),
        ("Kosovo asked for talks, but Serbia did not reject the request.",
         {("Kosovo", "requested", "Serbia", A, "verb-refused-request"),
          ("Serbia", "rejected", "Kosovo", "negated", "verb-refused-request")}),
        ("Serbia rejected the proposal for talks.", set()),
    ],
    "clause-culpability": [
        ("Iraq said Israel was behind the explosions.",
         {("Iraq", "accused", "Israel", A, "clause-culpability")}),
    ],
    "nominal-event": [
        ("Iraq condemned the U.S. strikes on Kataib Hezbollah.",
         {("Iraq", "condemned", "United States", A, "verb-active"),
          ("United States", "attacked", "Kataib Hezbollah", A, "nominal-event")}),
        # a force named by its country's adjective is the country
        ("The attack on Kutum by the Sudanese army killed dozens.",
         {("Sudan", "attacked", "Kutum", A, "nominal-event")}),
    ],
    "nominal-culprit": [
        ("ISIS claimed responsibility for the attacks on Kirkuk.",
         {("ISIS", "attacked", "Kirkuk", A, "nominal-culprit")}),
        # one of a group held responsible; an event the parser hung on its date
        ("Karim Haddad was among those responsible for the 2015 attack on the Radisson hotel "
         "in Bamako.", {("Karim Haddad", "attacked", "Radisson", A, "nominal-culprit")}),
        ("Idris Musa was among the group responsible for the March 3, 2021, attack on the "
         "MINUSMA camp in Tessalit.",
         {("Idris Musa", "attacked", "MINUSMA", A, "nominal-culprit"),
          ("MINUSMA", "locatedIn", "Tessalit", A, "location-prep")}),
        # a hand in the event: "was behind", "a mastermind behind"
        ("Iraqi officials said Kataib Hezbollah was behind the attack on Camp Taji.",
         {("Kataib Hezbollah", "attacked", "Camp Taji", A, "nominal-culprit"),
          ("Iraq", "accused", "Kataib Hezbollah", A, "clause-culpability")}),
        ("Zawahiri was a mastermind behind attacks against Americans.",
         {("Zawahiri", "attacked", "United States", A, "nominal-culprit")}),
        # the same words about talks, not an act of violence: no culprit
        ("Turkey was behind the push for a ceasefire in Idlib.", set()),
    ],
    "nominal-light-verb": [
        ("Israel carried out a series of attacks on Hezbollah.",
         {("Israel", "attacked", "Hezbollah", A, "nominal-light-verb")}),
    ],
    "nominal-anaphor": [
        ("Israel bombed Gaza on Monday. The strikes on Rafah continued.",
         {("Israel", "attacked", "Gaza", A, "verb-active"),
          ("Israel", "attacked", "Rafah", A, "nominal-anaphor")}),
    ],
    "nominal-agent-noun": [
        ("Kennedy's assassin Lee Harvey Oswald was shot two days later.",
         {("Lee Harvey Oswald", "killed", "Kennedy", A, "nominal-agent-noun")}),
    ],
    "role-title-prenominal": [
        ("Houthi leader Abdul Malik al-Houthi spoke on Sunday.",
         {("Abdul Malik al-Houthi", "leaderOf", "Houthi", A, "role-title-prenominal")}),
        # a name after "and" is a second party, not the titled one
        ("The talks included the Hamas leader and Khalil al-Hayya.", set()),
        # an adjective made from a place the text names, which the country table does not know
        ("Voters in Transnistria went to the polls on Sunday. Transnistrian leader Vadim "
         "Krasnoselsky said the vote was fair.",
         {("Vadim Krasnoselsky", "leaderOf", "Transnistria", A, "role-title-prenominal")}),
    ],
    "role-title-of-body": [
        ('"We will not bow to pressure," said Under Secretary of the Treasury for Terrorism and '
         'Financial Intelligence Sarah Kowalski.',
         {("Sarah Kowalski", "memberOf", "Treasury", A, "role-title-of-body")}),
        ("Director of the Central Intelligence Agency William Burns arrived on Monday.",
         {("William Burns", "leaderOf", "Central Intelligence Agency", A, "role-title-of-body")}),
        # the model ran the field into the body: no body to name
        ("Under Secretary of State for Political Affairs Victoria Nuland arrived on Monday.", set()),
    ],
    "role-title-known-leader": [
        # a head of state the table lists heads the country it gives, where the text's own
        # focus cannot tell
        ("Kenya and Somalia mourned. Officials in Kenya and Somalia said Kenya and Somalia "
         "would rebuild. President Ruto visited the wounded.",
         {("Ruto", "leaderOf", "Kenya", A, "role-title-known-leader")}),
        # and over the country the text is mostly about
        ("The United States sent aid. U.S. officials said the United States would send more "
         "to Ukraine. President Volodymyr Zelenskyy thanked the donors on Monday.",
         {("Volodymyr Zelenskyy", "leaderOf", "Ukraine", A, "role-title-known-leader")}),
        # "leader" is a head's title too
        ("Rebels in Libya reached Tripoli and vowed a final battle with leader Muammar Gaddafi.",
         {("Muammar Gaddafi", "leaderOf", "Libya", A, "role-title-known-leader")}),
        # the country must be named in the document
        ("Envoys met President Zelenskyy in a hotel on Monday.", set()),
        # a subordinate title heads nothing
        ("Officials in Kenya said Vice President Ruto visited the wounded.", set()),
    ],
    "role-possessive": [
        ("NBC's Richard Engel reported from Kyiv.",
         {("Richard Engel", "memberOf", "NBC", A, "role-possessive")}),
    ],
    "role-occupation-prenominal": [
        ("Exxon geologist Jane Doe was kidnapped.",
         {("Jane Doe", "memberOf", "Exxon", A, "role-occupation-prenominal")}),
    ],
    "role-occupation-appositive": [
        ("Jane Doe, a Chevron geologist, was kidnapped.",
         {("Jane Doe", "memberOf", "Chevron", A, "role-occupation-appositive")}),
    ],
    "role-title-appositive": [
        ("Yahya Sinwar, the leader of Hamas, was killed.",
         {("Yahya Sinwar", "leaderOf", "Hamas", A, "role-title-appositive")}),
        # a post in a body; a state's army is the state; a place is no body
        ("Maria Lopez, a major in the Marine Corps, spoke to reporters.",
         {("Maria Lopez", "memberOf", "Marine Corps", A, "role-title-appositive")}),
        ("Ahmed Said, a senior commander in the Sudanese army, was killed.",
         {("Ahmed Said", "memberOf", "Sudan", A, "role-title-appositive")}),
        ("Omar Khan, a reporter in Kabul, said the road was closed.", set()),
        ("Ahmed Nur, a doctor in Somalia, treated the wounded.", set()),
        # a possessive inside a name does not cut it in two
        ("Kim Jong-un is the supreme commander of the Korean People's Army.",
         {("Kim Jong-un", "leaderOf", "Korean People's Army", A, "role-title-appositive")}),
        ("Jane Doe, a spokeswoman for Chevron, said the plant closed.",
         {("Jane Doe", "memberOf", "Chevron", A, "role-title-appositive")}),
    ],
    "role-person-of": [
        ("Ali Larijani of the SNSC arrived.",
         {("Ali Larijani", "memberOf", "SNSC", A, "role-person-of")}),
    ],
    "role-person-possessive": [
        ("Benjamin Netanyahu's Likud Party won the vote.",
         {("Benjamin Netanyahu", "memberOf", "Likud Party", A, "role-person-possessive")}),
    ],
    "role-body-of-state": [
        ("Iran's Quds Force trained the militia.",
         {("Quds Force", "memberOf", "Iran", A, "role-body-of-state")}),
    ],
    "role-part-of": [
        ("The Quds Force is part of the IRGC.",
         {("Quds Force", "memberOf", "IRGC", A, "role-part-of")}),
    ],
    "location-comma-pair": [
        ("Fighting continued in Mosul, Iraq.",
         {("Mosul", "locatedIn", "Iraq", A, "location-comma-pair")}),
    ],
    "location-comma-vicinity": [
        ("Fighting continued near Kandahar, southern Afghanistan.",
         {("Kandahar", "locatedIn", "Afghanistan", A, "location-comma-vicinity")}),
    ],
    "location-prep": [
        ("Hezbollah in Lebanon denied the report.",
         {("Hezbollah", "locatedIn", "Lebanon", A, "location-prep")}),
        # a place phrase after coordinated places places each; coordinated parties stay apart
        ("Fighting spread to the towns of Abyei and Kadugli in South Kordofan.",
         {("Abyei", "locatedIn", "South Kordofan", A, "location-prep"),
          ("Kadugli", "locatedIn", "South Kordofan", A, "location-prep")}),
        ("Fighting between Hezbollah and Israel in southern Lebanon continued.",
         {("Hezbollah", "locatedIn", "Lebanon", A, "location-prep")}),
        # without "and" the comma pairs a town with its region: the region alone is placed
        ("The militia is based in Pan Kham, Hpapun Township in Kayin State.",
         {("Pan Kham", "locatedIn", "Hpapun Township", A, "location-comma-pair"),
          ("Hpapun Township", "locatedIn", "Kayin State", A, "location-prep")}),
    ],
    "location-sited": [
        ("The Wagner Group, located in Libya, left.",
         {("Wagner Group", "locatedIn", "Libya", A, "location-sited")}),
    ],
    "location-sited-clause": [
        ("Al Jazeera is headquartered in Doha.",
         {("Al Jazeera", "locatedIn", "Doha", A, "location-sited-clause")}),
    ],
    "location-holdings": [
        ("Israeli jets hit Hezbollah's weapons facilities in Lebanon overnight.",
         {("Israel", "attacked", "Hezbollah", A, "verb-active"),
          ("Hezbollah", "locatedIn", "Lebanon", A, "location-holdings")}),
    ],
    "location-fronted": [
        ("In Syria, the Kurdish SDF holds Raqqa.",
         {("Kurdish SDF", "hold", "Raqqa", A, "verb-active"),
          ("Kurdish SDF", "locatedIn", "Syria", A, "location-fronted")}),
    ],
    "location-based-compound": [
        ("The Gaza-based Hamas fired rockets.",
         {("Hamas", "locatedIn", "Gaza", A, "location-based-compound")}),
    ],
    "location-possessive": [
        ("Syria's Aleppo was shelled.",
         {("Aleppo", "locatedIn", "Syria", A, "location-possessive")}),
    ],
    "location-appositive": [
        ("Mogadishu, the capital of Somalia, was quiet.",
         {("Mogadishu", "locatedIn", "Somalia", A, "location-appositive")}),
    ],
    "role-nationality-occupation": [
        ("Kenyan businessman Peter Mwangi was arrested in Nairobi.",
         {("Peter Mwangi", "memberOf", "Kenya", A, "role-nationality-occupation")}),
    ],
    "role-membership-list": [
        ("Three NATO members, Britain, France and Poland, sent observers.",
         {("United Kingdom", "memberOf", "NATO", A, "role-membership-list"),
          ("France", "memberOf", "NATO", A, "role-membership-list"),
          ("Poland", "memberOf", "NATO", A, "role-membership-list")}),
    ],
    "role-chief-of-part": [
        ("Laila Haddad, the head of Hezbollah's media division, spoke on Monday.",
         {("Laila Haddad", "memberOf", "Hezbollah", A, "role-chief-of-part")}),
    ],
    "role-title-of-body-then-name": [
        ("The leader of Hamas, Yahya Sinwar, gave a speech.",
         {("Yahya Sinwar", "leaderOf", "Hamas", A, "role-title-of-body-then-name")}),
    ],
    "location-possessive-kind": [
        ("Officials in Somalia's Gedo region said the convoy had passed.",
         {("Gedo", "locatedIn", "Somalia", A, "location-possessive-kind")}),
    ],
    "location-region-of": [
        ("Clashes broke out in the Mopti Region of Mali.",
         {("Mopti Region", "locatedIn", "Mali", A, "location-region-of")}),
    ],
    "location-demonym-description": [
        ("Police raided Golden Lotus Holdings, a Cambodian company.",
         {("Golden Lotus Holdings", "locatedIn", "Cambodia", A, "location-demonym-description")}),
    ],
    "location-kind-of": [
        ("Troops entered the Iraqi city of Mosul.",
         {("Mosul", "locatedIn", "Iraq", A, "location-kind-of")}),
    ],
    "location-org-of": [
        ("The Acme Trust Co. of Denver closed.",
         {("Acme Trust Co.", "locatedIn", "Denver", A, "location-org-of")}),
    ],
    "location-dateline": [
        ("KYIV, Ukraine (AP) — Russia attacked Ukraine.",
         {("Russia", "attacked", "Ukraine", A, "verb-active"),
          ("KYIV", "locatedIn", "Ukraine", A, "location-comma-pair"),
          ("AP", "locatedIn", "KYIV", A, "location-dateline"),
          ("AP", "locatedIn", "Ukraine", A, "location-dateline")}),
    ],
    "modifier-hyphen": [
        ("The raid targeted Hezbollah, an Iran-backed militia, near the border.",
         {("Iran", "supported", "Hezbollah", A, "modifier-hyphen")}),
        # the leader written as an abbreviation of a country the document names in full
        ("The U.S.-led coalition said it would leave the base. The United States confirmed it.",
         {("United States", "leaderOf", "U.S.-led coalition", A, "modifier-hyphen")}),
    ],
    "modifier-pro": [
        ("Russia praised the pro-Russian Wagner Group on Monday.",
         {("Russia", "praise", "Wagner Group", A, "verb-active"),
          ("Wagner Group", "supported", "Russia", A, "modifier-pro")}),
    ],
    "verb-designation": [
        ("The Foreign Office designated Carlos Mendez pursuant to Executive Order 14059 on Tuesday.",
         {("Foreign Office", "sanctioned", "Carlos Mendez", A, "verb-designation")}),
        ("Britain imposed sanctions on the Wagner Group on Monday. The State Department also "
         "designated Yevgeny Prigozhin.",
         {("United Kingdom", "sanctioned", "Wagner Group", A, "verb-object-prep"),
          ("State Department", "sanctioned", "Yevgeny Prigozhin", A, "verb-designation")}),
        # no authority, no sanctions in the text: a designation is only a label
        ("The Pentagon designated Fort Bragg as a training hub.", set()),
    ],
    "clause-in-support-of": [
        ("Los Tigres provides security services for the Sinaloa Cartel in support of the "
         "cartel's efforts to dominate the port.",
         {("Los Tigres", "supported", "Sinaloa Cartel", A, "clause-in-support-of")}),
        ("Hezbollah fired rockets at Israel in support of Hamas.",
         {("Hezbollah", "attacked", "Israel", A, "verb-active-prep"),
          ("Hezbollah", "supported", "Hamas", A, "clause-in-support-of")}),
        ("Hezbollah did not fire rockets in support of Hamas.",
         {("Hezbollah", "supported", "Hamas", "negated", "clause-in-support-of")}),
    ],
    "nominal-parties": [
        ("Talks in Cairo among U.S., Israeli, Qatari and Egyptian officials ended without a deal.",
         {("United States", "contacted", "Israel", A, "nominal-parties"),
          ("United States", "contacted", "Qatar", A, "nominal-parties"),
          ("United States", "contacted", "Egypt", A, "nominal-parties"),
          ("Israel", "contacted", "Qatar", A, "nominal-parties"),
          ("Israel", "contacted", "Egypt", A, "nominal-parties"),
          ("Qatar", "contacted", "Egypt", A, "nominal-parties")}),
        ("The meeting, during which Egypt, Qatar and Jordan discussed a ceasefire, ended late.",
         {("Egypt", "contacted", "Qatar", A, "nominal-parties"),
          ("Egypt", "contacted", "Jordan", A, "nominal-parties"),
          ("Qatar", "contacted", "Jordan", A, "nominal-parties")}),
        ("Negotiations between Armenia and Azerbaijan collapsed on Friday.",
         {("Armenia", "contacted", "Azerbaijan", A, "nominal-parties")}),
        ("No meeting between Israel and Hamas took place.",
         {("Israel", "contacted", "Hamas", "negated", "nominal-parties")}),
    ],
    "verb-joint-event": [
        ("The United States carried out strikes with the United Kingdom against Houthi targets.",
         {("United States", "cooperatedWith", "United Kingdom", A, "verb-joint-event")}),
        # an instrument is no partner
        ("France launched airstrikes with drones against the Islamic State.", set()),
    ],
    "verb-reciprocal-relative": [
        ("Hungarian Prime Minister Viktor Orban and Serbian President Aleksandar Vucic, who met "
         "in Belgrade on Monday, signed a gas deal.",
         {("Viktor Orban", "contacted", "Aleksandar Vucic", A, "verb-reciprocal-relative"),
          ("Viktor Orban", "leaderOf", "Hungary", A, "role-title-prenominal"),
          ("Aleksandar Vucic", "leaderOf", "Serbia", A, "role-title-prenominal")}),
        ("Israel and Hamas, which never met, exchanged prisoners.",
         {("Israel", "contacted", "Hamas", "negated", "verb-reciprocal-relative")}),
    ],
    "nominal-participation": [
        ("Jordan took part in the strikes on Hezbollah.",
         {("Jordan", "attacked", "Hezbollah", A, "nominal-participation")}),
        ("Rwanda played a key role in the invasion of Congo.",
         {("Rwanda", "attacked", "Congo", A, "nominal-participation")}),
        # the role said twice; a ship is a target like any place
        ("Zawahiri played a key role - a key role in the bombing of the USS Cole.",
         {("Zawahiri", "attacked", "USS Cole", A, "nominal-participation")}),
        ("Kenya denied that its army was involved in the raid on Somalia.",
         {("Kenya", "attacked", "Somalia", "negated", "nominal-participation")}),
        ("Ahmed Karim led the delegation to Cairo.", set()),
    ],
    "modifier-joint": [
        ("Officials praised the joint US-Iraqi counterterrorism strategy.",
         {("United States", "cooperatedWith", "Iraq", A, "modifier-joint")}),
        ("The report, issued jointly by UNICEF and the World Health Organization, warned of famine.",
         {("UNICEF", "cooperatedWith", "World Health Organization", A, "modifier-joint")}),
        ("Russia and China held joint naval drills in the Sea of Japan.",
         {("Russia", "cooperatedWith", "China", A, "modifier-joint")}),
        ("Hamas and Islamic Jihad did not carry out a joint operation, Israel said.",
         {("Hamas", "cooperatedWith", "Islamic Jihad", "negated", "modifier-joint")}),
        ("The joint chiefs met on Monday.", set()),
    ],
    "verb-passive-list": [
        ("Several groups were sanctioned by the EU, including Hamas and Hezbollah.",
         {("EU", "sanctioned", "Hamas", A, "verb-passive-list"),
          ("EU", "sanctioned", "Hezbollah", A, "verb-passive-list")}),
    ],
}


@pytest.mark.parametrize("name,sentence,expected", [
    (name, sentence, expected) for name, cases in RULE_CASES.items()
    for sentence, expected in cases])
def test_registry_rule_case(facts_of, name, sentence, expected):
    assert any(fact[4] == name for fact in expected) or not expected, \
        f"no fact of {name} in its own case"
    assert facts_of(sentence) == expected


def test_registry_every_rule_has_a_function_and_a_case():
    assert set(RULE_CASES) == rule_names()
    assert all(RULE_CASES[name] for name in RULE_CASES), \
        [name for name, cases in RULE_CASES.items() if not cases]


def test_registry_one_name_one_function():
    functions = [r.function for r in rules()]
    assert len(functions) == len(set(functions)) == len(rule_names())


def test_registry_unknown_rule_lists_the_names():
    with pytest.raises(RegistryError, match="verb-active"):
        get_rule("verb-activ")
