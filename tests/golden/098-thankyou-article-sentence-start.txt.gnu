corpus/098-thankyou-article-sentence-start.txt:3:30: warning: Use 'An' instead of 'A' here: the article follows the sound of the next word (an hour, an MBA, a user, a one-day workshop). (suggestion: 'An') [FollowUp.Article]
corpus/098-thankyou-article-sentence-start.txt:3:122: warning: Use 'a' instead of 'an' here: the article follows the sound of the next word (an hour, an MBA, a user, a one-day workshop). (suggestion: 'a') [FollowUp.Article]
# exit 0
