corpus/094-thankyou-article-a-interview-swe.txt:3:15: warning: Use 'an' instead of 'a' here: the article follows the sound of the next word (an hour, an MBA, a user, a one-day workshop). (suggestion: 'an') [FollowUp.Article]
corpus/094-thankyou-article-a-interview-swe.txt:3:82: warning: Use 'a' instead of 'an' here: the article follows the sound of the next word (an hour, an MBA, a user, a one-day workshop). (suggestion: 'a') [FollowUp.Article]
# exit 0
